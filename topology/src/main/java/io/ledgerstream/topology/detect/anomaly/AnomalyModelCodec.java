package io.ledgerstream.topology.detect.anomaly;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import smile.anomaly.IsolationForest;

/**
 * An isolation forest as bytes, to publish and to load: a header we write ourselves (format, version,
 * threshold, the features in order) and then the forest, gzipped.
 *
 * <p>The forest is written with Java serialization, unlike the categorizer's model: the trees'
 * nodes are not reachable through Smile's public API, so a format of our own would need reflection
 * into Smile's internals. Reading is locked down by an {@link ObjectInputFilter} that admits only
 * Smile's isolation-forest classes and arrays of doubles, with bounds on depth, references and
 * size, so the bytes of a release cannot instantiate anything else.
 */
public final class AnomalyModelCodec {

    private static final int MAGIC = 0x4c534946; // "LSIF"
    private static final int FORMAT = 1;
    private static final ObjectInputFilter ONLY_THE_FOREST = ObjectInputFilter.Config.createFilter(
            "smile.anomaly.IsolationForest;smile.anomaly.IsolationTree;smile.anomaly.IsolationTree$Node;"
                    + "[Lsmile.anomaly.IsolationTree;[D;maxdepth=64;maxrefs=10000000;maxbytes=268435456;!*");

    private AnomalyModelCodec() {
    }

    public static byte[] write(AnomalyModel model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(model.version());
            out.writeDouble(model.threshold());
            out.writeInt(model.trainingPayments());
            out.writeInt(PaymentContext.FEATURES.size());
            for (String feature : PaymentContext.FEATURES) {
                out.writeUTF(feature);
            }
            ObjectOutputStream forest = new ObjectOutputStream(out);
            forest.writeObject(model.forest());
            forest.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write anomaly model " + model.version(), e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException if the bytes are no model of this format and these features */
    public static AnomalyModel read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(bytes)))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                throw new IllegalArgumentException("not an anomaly model of format " + FORMAT);
            }
            String version = in.readUTF();
            double threshold = in.readDouble();
            int trainingPayments = in.readInt();
            List<String> features = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                features.add(in.readUTF());
            }
            if (!features.equals(PaymentContext.FEATURES)) {
                throw new IllegalArgumentException("model " + version + " was trained on features " + features
                        + ", this version computes " + PaymentContext.FEATURES);
            }
            ObjectInputStream forest = new ObjectInputStream(in);
            forest.setObjectInputFilter(ONLY_THE_FOREST);
            return new AnomalyModel(version, (IsolationForest) forest.readObject(), threshold, trainingPayments);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read an anomaly model: " + e, e);
        }
    }
}
