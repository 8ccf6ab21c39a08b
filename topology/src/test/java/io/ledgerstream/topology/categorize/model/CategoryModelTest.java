package io.ledgerstream.topology.categorize.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerstream.schemas.avro.Category;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CategoryModelTest {

    private static CategoryModel.Example example(String description, String amount, Category category) {
        return new CategoryModel.Example(new ModelInput(description, null, new BigDecimal(amount), null), category);
    }

    @Test
    void shouldLearnCategoriesFromWordsAndNameThemWithTheirProbability() {
        List<CategoryModel.Example> examples = new ArrayList<>();
        String[] food = {"GROCER", "BAKERY", "SUPERMARKET", "CAFE", "BUTCHER"};
        String[] travel = {"AIRLINE", "HOTEL", "HOSTEL", "AIRWAYS", "RESORT"};
        String[] salary = {"SALARY", "PAYROLL", "WAGES"};
        for (int i = 0; i < 40; i++) {
            examples.add(example("CARD " + food[i % food.length] + " " + i, "-" + (3 + i % 20) + ".50", Category.FOOD_AND_DRINK));
            examples.add(example("CARD " + travel[i % travel.length] + " " + i, "-" + (120 + i) + ".00", Category.TRAVEL));
            examples.add(example("BGC " + salary[i % salary.length] + " ACME LTD", (2000 + i) + ".00", Category.INCOME));
        }

        CategoryModel model = CategoryModel.train("test-1", examples, CategoryModel.OPTIONS);

        CategoryModel.Prediction bakery = model.predict(new ModelInput("CARD PAYMENT BAKERY ROSE", null, new BigDecimal("-4.20"), null));
        assertThat(bakery.category()).isEqualTo(Category.FOOD_AND_DRINK);
        assertThat(bakery.confidence()).isBetween(0.5, 1.0);
        assertThat(model.predict(new ModelInput("HOTEL DU LAC", null, new BigDecimal("-310.00"), null)).category())
                .isEqualTo(Category.TRAVEL);
        assertThat(model.predict(new ModelInput("BGC PAYROLL ACME LTD NOV", null, new BigDecimal("2450.00"), null)).category())
                .isEqualTo(Category.INCOME);
        // nothing it has seen: the probability is spread, well below a confident word's
        CategoryModel.Prediction unknown = model.predict(new ModelInput("QWXZ", null, new BigDecimal("-1.00"), null));
        assertThat(unknown.confidence()).isLessThan(bakery.confidence());
        assertThat(model.version()).isEqualTo("test-1");
        assertThat(model.categories()).containsExactly(Category.INCOME, Category.FOOD_AND_DRINK, Category.TRAVEL);
    }

    @Test
    void shouldRefuseExamplesOfOneCategory() {
        assertThatThrownBy(() -> CategoryModel.train("x", List.of(example("A", "-1", Category.TRAVEL),
                example("B", "-2", Category.TRAVEL)), CategoryModel.OPTIONS))
                .hasMessageContaining("at least three categories");
    }
}
