package io.ledgerstream.topology.detect.anomaly;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import smile.anomaly.IsolationForest;
import smile.anomaly.IsolationTree;

/**
 * Smile's isolation forest laid out in arrays, scoring a payment exactly as
 * {@link IsolationForest#score(double[])} does, bit for bit, in a fraction of the time.
 *
 * <p>Smile keeps each node of each tree as an object with its own array of slopes: scoring one payment
 * walks 100 trees of up to 8 levels, some 800 objects and as many arrays scattered over the heap, and
 * the stream thread spent most of that time waiting for memory (Smile's {@code IsolationTree$Node.path}
 * was 14 % of its samples in {@code bench alerts}, for a dot product of six features per node). Here
 * every cut (its slopes, then its bias) lies next to the others of its tree, in one array, in the
 * order a walk meets them; the arithmetic is Smile's own, in the same order, so the scores are equal,
 * not close. Smile has no such layout and its nodes are package-private, so they are read once, by
 * reflection, when a model is loaded; {@code FlatForestTest} checks the scores against Smile's.
 *
 * <p>{@link #reaches} also stops as soon as the payment can no longer reach a threshold: path lengths
 * are never negative, so once the trees walked so far give a score below it, the rest cannot raise it.
 */
final class FlatForest {

    /** Trees walked between two looks at whether the threshold can still be reached. */
    private static final int CHECK_EVERY = 10;

    private final int features;
    /** Per inner node, {@code features} slopes then the bias, nodes of a tree in pre-order. */
    private final double[] cuts;
    /** Per inner node, its left then its right child: an inner node's index, or {@code ~leaf}. */
    private final int[] children;
    /** Per leaf, its path length (depth plus Smile's estimate for the payments it still holds). */
    private final double[] leafLengths;
    /** Per tree, its root: an inner node's index or {@code ~leaf}. */
    private final int[] roots;
    /** Smile's normalizing path length for the forest's training size. */
    private final double c;

    private FlatForest(int features, double[] cuts, int[] children, double[] leafLengths, int[] roots, double c) {
        this.features = features;
        this.cuts = cuts;
        this.children = children;
        this.leafLengths = leafLengths;
        this.roots = roots;
        this.c = c;
    }

    /** The same forest as {@code forest}, laid out for scoring payments of {@code features} features. */
    static FlatForest of(IsolationForest forest, int features) {
        Builder builder = new Builder(features);
        int[] roots = new int[forest.size()];
        for (int t = 0; t < roots.length; t++) {
            roots[t] = builder.add(SmileNodes.root(forest.trees()[t]));
        }
        return new FlatForest(features, builder.cuts(), builder.children(), builder.leafLengths(), roots,
                SmileNodes.normalizer(forest));
    }

    /** Smile's anomaly score of {@code x}, 0 to 1. */
    double score(double[] x) {
        checkLength(x);
        double length = 0.0;
        for (int root : roots) {
            length += pathLength(root, x);
        }
        return scoreOf(length, roots.length);
    }

    /** Whether {@link #score} of {@code x} is at least {@code threshold}. */
    boolean reaches(double[] x, double threshold) {
        checkLength(x);
        double length = 0.0;
        for (int t = 0; t < roots.length; t++) {
            length += pathLength(roots[t], x);
            // Smile averages over every tree: the lengths still to come only lower the score, and the
            // division and the power are monotonic in floating point, so a score below now stays below.
            if ((t + 1) % CHECK_EVERY == 0 && t + 1 < roots.length && scoreOf(length, roots.length) < threshold) {
                return false;
            }
        }
        return scoreOf(length, roots.length) >= threshold;
    }

    private double scoreOf(double sumOfLengths, int trees) {
        double length = sumOfLengths / trees;
        return Math.pow(2.0, -length / c);
    }

    private double pathLength(int node, double[] x) {
        int stride = features + 1;
        while (node >= 0) {
            int cut = node * stride;
            double dot = 0.0; // as Smile's MathEx.dot: the same products summed in the same order
            for (int i = 0; i < features; i++) {
                dot += x[i] * cuts[cut + i];
            }
            node = children[2 * node + (dot < cuts[cut + features] ? 0 : 1)];
        }
        return leafLengths[~node];
    }

    private void checkLength(double[] x) {
        if (x.length != features) {
            throw new IllegalArgumentException("the forest takes " + features + " features, got " + x.length);
        }
    }

    /** Collects the nodes of trees, in pre-order. */
    private static final class Builder {
        private final int features;
        private final List<double[]> cutList = new ArrayList<>();
        private final List<int[]> childList = new ArrayList<>();
        private final List<Double> leaves = new ArrayList<>();

        Builder(int features) {
            this.features = features;
        }

        /** Adds {@code node} and everything under it; its index, or {@code ~leaf} for a leaf. */
        int add(Object node) {
            Object left = SmileNodes.left(node);
            Object right = SmileNodes.right(node);
            if (left == null && right == null) {
                leaves.add(SmileNodes.depth(node));
                return ~(leaves.size() - 1);
            }
            double[] slope = SmileNodes.slope(node);
            if (slope.length != features) {
                throw new IllegalArgumentException("the forest was grown on " + slope.length + " features, not "
                        + features);
            }
            double[] cut = new double[features + 1];
            System.arraycopy(slope, 0, cut, 0, features);
            cut[features] = SmileNodes.bias(node);
            int index = cutList.size();
            cutList.add(cut);
            int[] pair = new int[2];
            childList.add(pair);
            pair[0] = add(left);
            pair[1] = add(right);
            return index;
        }

        double[] cuts() {
            double[] all = new double[cutList.size() * (features + 1)];
            for (int i = 0; i < cutList.size(); i++) {
                System.arraycopy(cutList.get(i), 0, all, i * (features + 1), features + 1);
            }
            return all;
        }

        int[] children() {
            int[] all = new int[childList.size() * 2];
            for (int i = 0; i < childList.size(); i++) {
                all[2 * i] = childList.get(i)[0];
                all[2 * i + 1] = childList.get(i)[1];
            }
            return all;
        }

        double[] leafLengths() {
            return leaves.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    /** Reads Smile 4.4's package-private tree nodes (fields named as in its sources). */
    private static final class SmileNodes {
        private static final Field ROOT = field(IsolationTree.class, "root");
        private static final Field C = field(IsolationForest.class, "c");
        private static final Class<?> NODE = ROOT.getType();
        private static final Field DEPTH = field(NODE, "depth");
        private static final Field SLOPE = field(NODE, "slope");
        private static final Field BIAS = field(NODE, "bias");
        private static final Field LEFT = field(NODE, "left");
        private static final Field RIGHT = field(NODE, "right");

        static Object root(IsolationTree tree) {
            return read(ROOT, tree);
        }

        static double normalizer(IsolationForest forest) {
            return (double) read(C, forest);
        }

        static double depth(Object node) {
            return (double) read(DEPTH, node);
        }

        static double[] slope(Object node) {
            return (double[]) read(SLOPE, node);
        }

        static double bias(Object node) {
            return (double) read(BIAS, node);
        }

        static Object left(Object node) {
            return read(LEFT, node);
        }

        static Object right(Object node) {
            return read(RIGHT, node);
        }

        private static Object read(Field field, Object from) {
            try {
                return field.get(from);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read Smile's " + field, e);
            }
        }

        private static Field field(Class<?> type, String name) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException("Smile's " + type.getName() + " has no field " + name
                        + ": this layout was written for Smile 4.4", e);
            }
        }
    }
}
