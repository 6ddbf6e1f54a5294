package org.nnlab.knn;

/** How {@link NearestNeighbour} compares two samples. */
public enum Metric {
    /** Euclidean distance {@code ||a - b||}: the nearest has the smallest distance. */
    EUCLIDEAN,
    /**
     * Cosine similarity {@code a.b / (||a|| ||b||)}: the nearest has the largest similarity (the
     * smallest angle); a zero vector has similarity 0 to everything.
     */
    COSINE
}
