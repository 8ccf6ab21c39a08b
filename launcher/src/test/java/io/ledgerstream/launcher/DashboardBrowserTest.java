package io.ledgerstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerstream.api.app.LedgerstreamApp;
import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.config.LedgerstreamConfig.Key;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in a real browser (Debian's headless Chromium) against the whole system on a real
 * broker and registry: a user signs in, reads the month, sees an alert arrive live, corrects a category
 * with two clicks, and is sent back to sign in once the API refuses the token. What the page must show
 * is computed from the statement the test imported, not by the code under test. Saves screenshots to
 * launcher/target/screenshots (the README shows a set of them, copied to docs/screenshots).
 */
class DashboardBrowserTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 1);
    private static final String PASSWORD = "dashboard-test-password";
    private static final String GROCERIES = "FOOD_AND_DRINK";
    private static final String CORRECTED = "ENTERTAINMENT";
    private static final Duration PROCESSING_TIMEOUT = Duration.ofMinutes(3);
    /** How long the page may take to show what the API already has, or the stream is about to commit. */
    private static final Duration SHOWN = Duration.ofSeconds(30);
    private static final String LARGE_PAYMENT = "dashboard-large-payment";
    /** Budgets for the page to show next to the month's spending; the base currency the scenario assumes. */
    private static final String SETTINGS = """
            {"baseCurrency":"EUR","timeZone":"Europe/Berlin",
             "budgets":{"FOOD_AND_DRINK":"1200.00","TRANSPORTATION":"400.00","ENTERTAINMENT":"150.00"}}""";

    @TempDir
    Path dir;

    @Test
    @DisplayName("a user signs in, reads the month's totals, corrects a category by clicking and sees the breakdown move by exactly that amount")
    void shouldShowTheMonthAndMoveACorrectedTransaction() throws Exception {
        // Given: one user's statement over two months, imported while the app runs; the user registered
        LedgerstreamConfig config = TestStack.config("dash", dir.resolve("state")).with(Key.REGISTRATION, "open");
        Pipeline pipeline = Pipeline.provision(config);
        assertThat(Scenarios.cli(config, "fx", Scenarios.writeEcbFile(dir).toString()).exitCode()).isZero();
        StatementScenario scenario = new StatementScenario(23, 1, 40, MONTH, 2);
        String user = scenario.users.get(0);
        Map<String, NavigableMap<YearMonth, GroundTruth.Summary>> expected = GroundTruth.summaries(scenario, Scenarios.RATES);
        GroundTruth.Summary truth = expected.get(user).get(MONTH);
        StatementScenario.Line groceries = newestGroceryPaymentInEuro(scenario, user);

        try (LedgerstreamApp app = new LedgerstreamApp(config, pipeline.catalog()).start();
             Chromium browser = Chromium.start(Files.createDirectories(dir.resolve("chromium-profile")))) {
            ApiClient api = new ApiClient(app.apiUrl());
            ApiClient.Reply settings = api.put("/api/v1/users/" + user + "/settings", SETTINGS);
            assertThat(settings.status()).as("settings: %s", settings.body()).isEqualTo(202);
            Scenarios.importAll(config, scenario, dir).forEach(r -> assertThat(r.exitCode()).as(r.err()).isZero());
            await().alias("the API has every summary").atMost(PROCESSING_TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions().untilAsserted(() -> Scenarios.assertApiEquals(api, expected));
            ApiClient.Reply registered = api.post("/api/v1/auth/register",
                    "{\"userId\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}");
            assertThat(registered.status()).as("register: %s", registered.body()).isEqualTo(201);

            // When: signing in on the page and choosing the month
            DashboardPage page = new DashboardPage(browser.driver(), app.apiUrl());
            page.open();
            browser.screenshot("sign-in");
            page.submitSignIn(user, "not-the-password");
            await().alias("a wrong password is refused").atMost(SHOWN).ignoreExceptions()
                    .until(() -> page.signInMessage().equals("That user id and password do not match."));
            page.signIn(user, PASSWORD);
            page.chooseMonth(MONTH);

            // Then: the month's totals and spending per category, to the cent
            assertThat(page.totals()).isEqualTo(new DashboardPage.Totals(truth.income(), truth.expenses(), truth.net()));
            assertThat(page.spendingByCategory()).isEqualTo(spending(truth.byCategory()));
            assertThat(page.categoryOf(groceries.transactionId())).isEqualTo(GROCERIES);
            browser.screenshot("dashboard");
            browser.fullPageScreenshot("dashboard-full-page");
            browser.resize(390, 844);
            browser.screenshot("phone");
            browser.fullPageScreenshot("phone-full-page");
            browser.resize(1280, 900);

            // When: a large payment arrives while the page is open
            await().alias("the page follows live alerts").atMost(SHOWN).ignoreExceptions()
                    .until(() -> page.liveState().equals("Live"));
            Path largePayment = dir.resolve("large-payment.jsonl");
            Files.writeString(largePayment, """
                    {"transactionId":"%s","userId":"%s","bookedAt":"%s","amount":"-3100.00","currency":"EUR",\
                    "description":"GALERIES STORE 77","merchant":"Galeries Store","mcc":"5311"}
                    """.formatted(LARGE_PAYMENT, user, MONTH.plusMonths(1).atDay(20)));
            assertThat(Scenarios.cli(config, "import", largePayment.toString(), "--user", user).exitCode()).isZero();

            // Then: its alert shows without a reload
            await().alias("the large payment's alert shows live").atMost(SHOWN).ignoreExceptions()
                    .until(() -> page.showsLiveAlertFor(LARGE_PAYMENT));

            // When: the grocery payment is moved to another category on the page
            page.openCategoryPicker(groceries.transactionId());
            browser.screenshot("category-picker");
            page.saveCategory(CORRECTED);

            // Then: the row shows the new category, and exactly its amount moved between the two bars
            Map<String, String> moved = moved(spending(truth.byCategory()), groceries.amount().negate());
            await().alias("the page shows the payment in " + CORRECTED + " and the breakdown moved")
                    .atMost(SHOWN).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .untilAsserted(() -> {
                        assertThat(page.categoryOf(groceries.transactionId())).isEqualTo(CORRECTED);
                        assertThat(page.spendingByCategory()).isEqualTo(moved);
                    });
            assertThat(page.categoryLabelOf(groceries.transactionId())).isEqualTo("Entertainment");
            assertThat(page.totals()).as("a correction moves money between categories, not in or out")
                    .isEqualTo(new DashboardPage.Totals(truth.income(), truth.expenses(), truth.net()));
            browser.fullPageScreenshot("after-correction");

            // When: the API refuses the page's token (as it refuses an expired one)
            page.reloadWithRefusedToken();

            // Then: back to the sign-in form, saying why
            await().alias("a refused token leads back to signing in").atMost(SHOWN).ignoreExceptions()
                    .until(() -> page.signInMessage().equals("Your session has ended. Please sign in again."));
        }
    }

    /** The live grocery payment of the month in euros (no conversion) with the latest booking date. */
    private static StatementScenario.Line newestGroceryPaymentInEuro(StatementScenario scenario, String user) {
        return scenario.liveTransactions().stream()
                .filter(l -> l.userId().equals(user) && l.transactionId() != null && "5411".equals(l.mcc())
                        && l.currency().equals("EUR") && l.amount().signum() < 0 && YearMonth.from(l.bookedAt()).equals(MONTH))
                .max(Comparator.comparing(StatementScenario.Line::bookedAt))
                .orElseThrow(() -> new AssertionError("the scenario has no grocery payment in euros in " + MONTH));
    }

    /** The spending categories of a summary: the chart leaves out money in. */
    private static Map<String, String> spending(Map<String, String> byCategory) {
        Map<String, String> spending = new TreeMap<>(byCategory);
        spending.remove(StatementScenario.SALARY.category());
        return spending;
    }

    /** The breakdown with the amount moved from groceries to the corrected category. */
    private static Map<String, String> moved(Map<String, String> before, BigDecimal amount) {
        Map<String, BigDecimal> figures = new TreeMap<>();
        before.forEach((category, value) -> figures.put(category, new BigDecimal(value)));
        figures.merge(GROCERIES, amount.negate(), BigDecimal::add);
        figures.merge(CORRECTED, amount, BigDecimal::add);
        Map<String, String> after = new TreeMap<>();
        figures.forEach((category, value) -> {
            if (value.signum() != 0) {
                after.put(category, GroundTruth.money(value));
            }
        });
        return after;
    }
}
