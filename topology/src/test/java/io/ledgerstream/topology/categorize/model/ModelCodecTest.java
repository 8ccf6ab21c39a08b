package io.ledgerstream.topology.categorize.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ModelCodecTest {

    @Test
    void shouldReadBackAModelThatPredictsExactlyAsTheOriginal() {
        TrainingData.Sets sets = TrainingData.generate(11, 2);
        CategoryModel model = CategoryModel.train("2026-11-24.1", sets.training(), CategoryModel.OPTIONS);

        byte[] bytes = ModelCodec.write(model);
        CategoryModel read = ModelCodec.read(bytes);

        assertThat(read.version()).isEqualTo("2026-11-24.1");
        assertThat(read.categories()).isEqualTo(model.categories());
        assertThat(sets.evaluation()).allSatisfy(example ->
                assertThat(read.predict(example.input())).isEqualTo(model.predict(example.input())));
        // only the feature slots training used: far below 17 classes x 65,537 doubles (8.9 MB)
        assertThat(bytes.length).isLessThan(3_000_000);
    }

    @Test
    void shouldRefuseBytesThatAreNoModel() {
        assertThatThrownBy(() -> ModelCodec.read("not a model".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read a categorizer model");
    }
}
