/**
 * The slides' arithmetic for any small network: {@link org.nnlab.explain.Explain#forward} writes
 * each neuron's weighted sum term by term, its bias, its activation and its value, as the rectangle
 * workshop computes them by hand.
 */
package org.nnlab.explain;
