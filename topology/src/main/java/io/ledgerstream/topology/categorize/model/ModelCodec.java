package io.ledgerstream.topology.categorize.model;

import io.ledgerstream.schemas.avro.Category;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import smile.classification.Maxent;
import smile.util.IntSet;

/**
 * A model as bytes, to publish and to load: its version, its categories, the model's coefficients
 * column by column, leaving out the feature slots no training example used (all zero, most of the
 * 2^16), gzipped. Our own format rather than Java serialization of Smile's classes: it names what it
 * holds, does not depend on Smile's class layout staying the same, and reads no code from the bytes.
 */
public final class ModelCodec {

    private static final int MAGIC = 0x4c53434d; // "LSCM"
    private static final int FORMAT = 1;

    private ModelCodec() {
    }

    public static byte[] write(CategoryModel model) {
        double[][] w = model.maxent().coefficients();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(model.version());
            out.writeInt(model.categories().size());
            for (Category category : model.categories()) {
                out.writeUTF(category.name());
            }
            out.writeDouble(model.maxent().loglikelihood());
            // the regularization matters only to online updates, which are not used; the trainer's is kept
            out.writeDouble(CategoryModel.OPTIONS.lambda());
            out.writeInt(w.length);
            out.writeInt(w[0].length);
            List<Integer> used = new ArrayList<>();
            for (int column = 0; column < w[0].length; column++) {
                for (double[] row : w) {
                    if (row[column] != 0) {
                        used.add(column);
                        break;
                    }
                }
            }
            out.writeInt(used.size());
            for (int column : used) {
                out.writeInt(column);
                for (double[] row : w) {
                    out.writeDouble(row[column]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model " + model.version(), e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException if the bytes are no model of this format */
    public static CategoryModel read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(bytes)))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                throw new IllegalArgumentException("not a categorizer model of format " + FORMAT);
            }
            String version = in.readUTF();
            List<Category> categories = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                categories.add(Category.valueOf(in.readUTF()));
            }
            double loglikelihood = in.readDouble();
            double lambda = in.readDouble();
            double[][] w = new double[in.readInt()][in.readInt()];
            for (int used = in.readInt(); used > 0; used--) {
                int column = in.readInt();
                for (double[] row : w) {
                    row[column] = in.readDouble();
                }
            }
            int[] labels = new int[categories.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = i;
            }
            return new CategoryModel(version, categories,
                    new Maxent.Multinomial(w, loglikelihood, lambda, new IntSet(labels)));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read a categorizer model: " + e.getMessage(), e);
        }
    }
}
