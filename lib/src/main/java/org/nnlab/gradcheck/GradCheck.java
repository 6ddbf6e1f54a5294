package org.nnlab.gradcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.check.Args;
import org.nnlab.loss.Loss;
import org.nnlab.nn.Init;
import org.nnlab.nn.Layer;
import org.nnlab.nn.Parameter;
import org.nnlab.nn.Sequential;
import org.nnlab.nn.Shapes;

/**
 * Numerical gradient checks by central differences, in double precision: for every entry v of the
 * input and of each parameter, {@code numeric = (f(v + ε) - f(v - ε)) / 2ε} with ε = 1e-5, compared
 * with the gradient that backward computed.
 *
 * <p>For a layer, f is {@code Σ g · layer.forward(x)} for a fixed random g, so that backward(g) must
 * return exactly ∂f/∂x; for a loss, f is the loss; for a model, f is {@code loss(model(x), target)}.
 *
 * <p>Error of an entry: {@code |analytic - numeric| / max(|analytic|, |numeric|, 1e-3)}: relative for
 * gradients above 1e-3, and 1000 × the absolute difference below, where rounding noise would make a
 * relative error meaningless. In double, a correct backward gives about 1e-9 or less; the
 * {@code LayerContract} tests require 1e-6.
 *
 * <p>The check calls forward many times: a layer must compute the same function each time (a model
 * with Dropout needs {@code eval()}). Parameters must be double; the input is converted.
 */
public final class GradCheck {

    /** The step ε of the central differences. */
    public static final double EPSILON = 1e-5;
    /** Below this magnitude, errors are measured relative to it instead of to the gradient. */
    public static final double FLOOR = 1e-3;

    private GradCheck() {
    }

    /** Checks a layer's backward with respect to its input and each parameter; g is drawn with seed 1234. */
    public static Result layer(Layer layer, INDArray input) {
        return layer(layer, input, 1234);
    }

    /** Checks a layer's backward; {@code seed} draws the upstream gradient g. */
    public static Result layer(Layer layer, INDArray input, long seed) {
        requireDouble(layer, layer.parameters());
        INDArray x = input.castTo(Init.DTYPE).dup();
        INDArray out = layer.forward(x);
        INDArray g = Init.normal(0, 1, seed).create(out.shape());
        layer.parameters().forEach(Parameter::zeroGrad);
        INDArray dx = layer.backward(g.dup());
        Supplier<INDArray> f = () -> layer.forward(x).castTo(Init.DTYPE).dup();
        List<Check> checks = new ArrayList<>();
        checks.add(compare("input", dx, x, f, g));
        for (Parameter p : layer.parameters()) {
            checks.add(compare(p.name(), p.grad().dup(), p.value(), f, g));
        }
        return new Result(layer.toString(), checks);
    }

    /** Checks a loss's backward with respect to the prediction. */
    public static Result loss(Loss loss, INDArray prediction, INDArray target) {
        INDArray p = prediction.castTo(Init.DTYPE).dup();
        loss.forward(p, target);
        INDArray analytic = loss.backward().dup();
        Supplier<INDArray> f = () -> scalar(loss.forward(p, target));
        return new Result(loss.toString(), List.of(compare("prediction", analytic, p, f, scalar(1))));
    }

    /** Checks a whole model with its loss, with respect to the input and every parameter. */
    public static Result model(Sequential model, Loss loss, INDArray input, INDArray target) {
        requireDouble(model, model.parameters());
        INDArray x = input.castTo(Init.DTYPE).dup();
        model.zeroGrad();
        loss.forward(model.forward(x), target);
        INDArray dx = model.backward(loss.backward());
        Supplier<INDArray> f = () -> scalar(loss.forward(model.forward(x), target));
        List<Check> checks = new ArrayList<>();
        checks.add(compare("input", dx, x, f, scalar(1)));
        List<Parameter> parameters = model.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            checks.add(compare(parameters.get(i).name(), parameters.get(i).grad().dup(), parameters.get(i).value(),
                    f, scalar(1)));
        }
        return new Result(model.getClass().getSimpleName() + " + " + loss, checks);
    }

    /**
     * Compares {@code analytic} with central differences of {@code Σ weight · f()} over each entry of
     * {@code variable}, which is perturbed in place and restored.
     */
    private static Check compare(String name, INDArray analytic, INDArray variable, Supplier<INDArray> f,
                                 INDArray weight) {
        if (!java.util.Arrays.equals(analytic.shape(), variable.shape())) {
            return new Check(name, variable.shape(), Double.POSITIVE_INFINITY, 0, Double.NaN, Double.NaN,
                    "backward returned shape " + Shapes.format(analytic.shape()));
        }
        double worst = 0;
        long worstIndex = 0;
        double worstAnalytic = 0;
        double worstNumeric = 0;
        for (long i = 0; i < variable.length(); i++) {
            double original = variable.getDouble(i);
            variable.putScalar(i, original + EPSILON);
            INDArray plus = f.get();
            variable.putScalar(i, original - EPSILON);
            INDArray minus = f.get();
            variable.putScalar(i, original);
            // subtract the outputs before summing: each difference is then as exact as its own entry
            double numeric = plus.subi(minus).muli(weight).sumNumber().doubleValue() / (2 * EPSILON);
            double a = analytic.getDouble(i);
            double error = Math.abs(a - numeric) / Math.max(FLOOR, Math.max(Math.abs(a), Math.abs(numeric)));
            if (!(error <= worst)) {   // also catches NaN
                worst = Double.isNaN(error) ? Double.POSITIVE_INFINITY : error;
                worstIndex = i;
                worstAnalytic = a;
                worstNumeric = numeric;
            }
        }
        return new Check(name, variable.shape(), worst, worstIndex, worstAnalytic, worstNumeric, null);
    }

    private static INDArray scalar(double v) {
        return org.nd4j.linalg.factory.Nd4j.scalar(v);
    }

    private static void requireDouble(Object what, List<Parameter> parameters) {
        for (Parameter p : parameters) {
            if (p.value().dataType() != DataType.DOUBLE) {
                throw Args.fail("GradCheck", "double parameters", p.name() + " of type " + p.value().dataType(),
                        "gradient checks need double precision; create the parameters with DataType.DOUBLE (the"
                                + " library's default, Init.DTYPE).");
            }
        }
    }

    /** The comparison for one tensor: its worst entry. */
    public record Check(String name, long[] shape, double maxRelativeError, long worstIndex, double analytic,
                        double numeric, String problem) {
        @Override
        public String toString() {
            if (problem != null) {
                return String.format("%-32s %-14s FAILED: %s", name, Shapes.format(shape), problem);
            }
            return String.format("%-32s %-14s max error %.2e  (worst at flat index %d: analytic %.10g, numeric %.10g)",
                    name, Shapes.format(shape), maxRelativeError, worstIndex, analytic, numeric);
        }
    }

    /** The outcome of a check: one {@link Check} per tensor. */
    public record Result(String subject, List<Check> checks) {

        /** The largest error over all tensors and entries. */
        public double maxRelativeError() {
            return checks.stream().mapToDouble(Check::maxRelativeError).max().orElse(0);
        }

        /** Whether every error is below {@code tolerance}. */
        public boolean passed(double tolerance) {
            return maxRelativeError() < tolerance;
        }

        /** A readable report: one line per tensor, worst entries shown. */
        public String report() {
            StringBuilder sb = new StringBuilder("Gradient check of ").append(subject)
                    .append(String.format(": max error %.2e (ε = %.0e)%n", maxRelativeError(), EPSILON));
            checks.forEach(c -> sb.append("  ").append(c).append('\n'));
            return sb.toString();
        }

        @Override
        public String toString() {
            return report();
        }
    }
}
