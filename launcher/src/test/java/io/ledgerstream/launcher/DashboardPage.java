package io.ledgerstream.launcher;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard as a person uses it, through the browser: where to type and click, and what the page
 * shows, read from the visible text (money back to the API's plain decimal form).
 */
final class DashboardPage {

    private static final Duration SHOWN = Duration.ofSeconds(30);

    /** The month's totals as shown. */
    record Totals(String income, String expenses, String net) {
    }

    private final WebDriver driver;
    private final String baseUrl;

    DashboardPage(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    void open() {
        driver.get(baseUrl + "/");
        await().alias("the sign-in form shows").atMost(SHOWN).ignoreExceptions()
                .until(() -> driver.findElement(By.id("login-form")).isDisplayed());
    }

    /** Fills in the sign-in form and sends it. */
    void submitSignIn(String userId, String password) {
        WebElement user = driver.findElement(By.id("login-user"));
        WebElement secret = driver.findElement(By.id("login-password"));
        user.clear();
        user.sendKeys(userId);
        secret.clear();
        secret.sendKeys(password);
        driver.findElement(By.cssSelector("[data-test=login-submit]")).click();
    }

    /** Signs in and waits until the dashboard shows a month. */
    void signIn(String userId, String password) {
        submitSignIn(userId, password);
        await().alias("the dashboard shows a month after signing in").atMost(SHOWN).ignoreExceptions()
                .until(() -> dashboard().getDomAttribute("data-loaded-month") != null);
    }

    void chooseMonth(YearMonth month) {
        new Select(driver.findElement(By.id("month"))).selectByValue(month.toString());
        await().alias("the dashboard shows " + month).atMost(SHOWN).ignoreExceptions()
                .until(() -> month.toString().equals(dashboard().getDomAttribute("data-loaded-month")));
    }

    Totals totals() {
        return new Totals(money(By.id("income")), money(By.id("expenses")), money(By.id("net")));
    }

    /** Category → amount, as the category chart labels its bars. */
    Map<String, String> spendingByCategory() {
        Map<String, String> shown = new TreeMap<>();
        for (WebElement bar : driver.findElements(By.cssSelector("[data-test=category-bar]"))) {
            String amount = bar.findElement(By.cssSelector("text.amount")).getDomProperty("textContent");
            shown.put(bar.getDomAttribute("data-category"), plainDecimal(amount));
        }
        return shown;
    }

    /** The category the transaction's row shows: its label on the button, and the name behind it. */
    String categoryOf(String transactionId) {
        return categoryButton(transactionId).getDomAttribute("data-category");
    }

    String categoryLabelOf(String transactionId) {
        return categoryButton(transactionId).getText();
    }

    /** Clicks the transaction's category; the picker opens. */
    void openCategoryPicker(String transactionId) {
        categoryButton(transactionId).click();
        await().alias("the category picker opens").atMost(SHOWN).ignoreExceptions()
                .until(() -> driver.findElement(By.id("category-dialog")).isDisplayed());
    }

    /** Chooses the category in the open picker and saves it. */
    void saveCategory(String category) {
        new Select(driver.findElement(By.id("category-select"))).selectByValue(category);
        driver.findElement(By.cssSelector("[data-test=category-save]")).click();
    }

    /** What the alerts' live indicator says ("Live" once the event stream is open). */
    String liveState() {
        return driver.findElement(By.id("live-state")).getText();
    }

    /** Whether the alert list shows an alert about the transaction that came through the live stream. */
    boolean showsLiveAlertFor(String transactionId) {
        return driver.findElements(By.cssSelector("#alerts li.fresh[data-transaction-id='" + transactionId + "']"))
                .stream().anyMatch(WebElement::isDisplayed);
    }

    /** What the sign-in form says, once it shows (empty while the dashboard shows). */
    String signInMessage() {
        WebElement form = driver.findElement(By.id("login-form"));
        return form.isDisplayed() ? driver.findElement(By.id("login-message")).getText() : "";
    }

    /** Replaces the stored token with one the API refuses, as it refuses an expired one, and reloads. */
    void reloadWithRefusedToken() {
        ((JavascriptExecutor) driver).executeScript("""
                const key = "ledgerstream.session";
                const session = JSON.parse(sessionStorage.getItem(key));
                sessionStorage.setItem(key, JSON.stringify({...session, token: "refused"}));
                """);
        driver.navigate().refresh();
    }

    String status() {
        return driver.findElement(By.id("status")).getText();
    }

    private WebElement categoryButton(String transactionId) {
        return driver.findElement(By.cssSelector("tr[data-transaction-id='" + transactionId + "'] [data-test=category-button]"));
    }

    private WebElement dashboard() {
        return driver.findElement(By.id("dashboard"));
    }

    private String money(By locator) {
        return plainDecimal(driver.findElement(locator).getText());
    }

    /** "−€1,234.50" → "-1234.50": the sign, digits and point of a shown amount. */
    static String plainDecimal(String shown) {
        return shown.replace('\u2212', '-').replaceAll("[^0-9.\\-]", "");
    }
}
