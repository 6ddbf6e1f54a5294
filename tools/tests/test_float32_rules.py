"""The float32 twins of the optimisers' rules: the translation, and the errors for rules it cannot take."""
import pathlib
import sys
import unittest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
import float32_rules  # noqa: E402

RULE = """
public class Demo extends ElementwiseOptimizer {
    final double rho;
    final double eps;

    @Override
    protected void update(double[] w, double[] g, double[][] state, int n) {
        double[] s = state[0];
        double lr = learningRate();
        double bias = 1 - Math.pow(rho, steps());
        for (int i = 0; i < n; i++) {
            s[i] = rho * s[i] + 0.5 * g[i] + 1e-3;
            w[i] -= lr * g[i] / (Math.sqrt(s[i] / bias) + eps);
        }
    }
}
"""


class TranslationTest(unittest.TestCase):

    def test_double_becomes_float_and_math_is_cast_back(self):
        body = float32_rules.to_float(float32_rules.rule_body(RULE, "Demo.java"), float32_rules.fields(RULE, "Demo.java"))
        self.assertIn("float rho = (float) opt.rho;", body)
        self.assertIn("float eps = (float) opt.eps;", body)
        self.assertIn("float[] s = state[0];", body)
        self.assertIn("float lr = (float) opt.learningRate();", body)
        self.assertIn("float bias = 1 - (float) Math.pow(rho, opt.steps());", body)
        self.assertIn("s[i] = rho * s[i] + 0.5f * g[i] + 1e-3f;", body)
        self.assertIn("w[i] -= lr * g[i] / ((float) Math.sqrt(s[i] / bias) + eps);", body)
        self.assertNotIn("double", body)

    def test_the_library_rules_are_generated_for_their_exact_classes(self):
        root = pathlib.Path(float32_rules.__file__).resolve().parent.parent
        text = float32_rules.generate(lambda rel: (root / rel).read_text(), "the test")
        self.assertIn("if (o.getClass() == RmsProp.class) {", text)
        self.assertIn("if (o.getClass() == Adam.class) {", text)
        self.assertIn("w[i] -= lr * g[i] / ((float) Math.sqrt(s[i]) + eps);", text)
        self.assertNotIn("double", text.split("final class")[1])


class ErrorTest(unittest.TestCase):

    def test_a_private_field_is_named_with_the_fix(self):
        with self.assertRaises(float32_rules.RuleError) as e:
            float32_rules.fields(RULE.replace("    final double rho;", "    private final double rho;"), "Demo.java")
        self.assertIn("Demo.java: the rule's fields rho are private; make them package-private", str(e.exception))

    def test_a_class_without_the_rule_is_named(self):
        with self.assertRaises(float32_rules.RuleError) as e:
            float32_rules.rule_body("class Demo { }", "Demo.java")
        self.assertIn("Demo.java: no method `protected void update(double[] w, double[] g, double[][] state, int n)`",
                      str(e.exception))

    def test_unclosed_braces_are_named(self):
        with self.assertRaises(float32_rules.RuleError) as e:
            float32_rules.rule_body(RULE[:RULE.index("for (")], "Demo.java")
        self.assertIn("Demo.java: the rule's braces do not close", str(e.exception))


if __name__ == "__main__":
    unittest.main()
