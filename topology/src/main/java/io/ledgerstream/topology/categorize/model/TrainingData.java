package io.ledgerstream.topology.categorize.model;

import io.ledgerstream.schemas.avro.Category;
import io.ledgerstream.topology.categorize.Categories;
import io.ledgerstream.topology.categorize.CategoryDecision;
import io.ledgerstream.topology.categorize.CsvResource;
import io.ledgerstream.topology.categorize.Direction;
import io.ledgerstream.topology.categorize.MccCategorizer;
import io.ledgerstream.topology.categorize.MccDirectory;
import io.ledgerstream.topology.categorize.TransactionFeatures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;

/**
 * The categorizer's labelled data, made from two files this project writes (see
 * {@code docs/categorizer.md} for their provenance): {@code training/merchants.csv}, who people pay
 * and who pays them by category, and {@code training/descriptions.csv}, how banks write such a
 * payment. Each merchant gives a number of transactions: a description template for its category's
 * kind of payment filled in with masked card numbers, store numbers, cities, dates and references,
 * sometimes cut short as banks do, an amount in the merchant's usual range, and now and then the
 * merchant as a feed would name it. The rule tier's keywords ({@code keyword-rules.csv}) add training
 * merchants of made-up names around each keyword (but no keyword that is an evaluation merchant's
 * name), and the merchant category codes the rule tier knows add made-up names with each code's
 * description. The evaluation set has two parts: transactions of merchants that training never sees
 * (the {@code split} column), and new transactions, generated apart, of the training merchants.
 */
public final class TrainingData {

    private static final String DIRECTORY = "/io/ledgerstream/topology/categorize/training/";
    private static final List<String> CITIES = List.of("LONDON", "MANCHESTER", "LEEDS", "BRISTOL", "DUBLIN",
            "BERLIN", "HAMBURG", "MUENCHEN", "AMSTERDAM", "UTRECHT", "PARIS", "LYON", "MADRID", "NEW YORK", "SEATTLE",
            "OXFORD", "CAMBRIDGE", "BRIGHTON", "YORK", "KOELN");
    /** The kinds of payment each category is made with (descriptions.csv's {@code kind}). */
    private static final Map<Category, Set<String>> KINDS = Map.ofEntries(
            Map.entry(Category.FOOD_AND_DRINK, Set.of("CARD")),
            Map.entry(Category.GENERAL_MERCHANDISE, Set.of("CARD")),
            Map.entry(Category.HOME_IMPROVEMENT, Set.of("CARD")),
            Map.entry(Category.ENTERTAINMENT, Set.of("CARD", "DEBIT")),
            Map.entry(Category.TRANSPORTATION, Set.of("CARD")),
            Map.entry(Category.TRAVEL, Set.of("CARD")),
            Map.entry(Category.MEDICAL, Set.of("CARD")),
            Map.entry(Category.PERSONAL_CARE, Set.of("CARD", "DEBIT")),
            Map.entry(Category.GENERAL_SERVICES, Set.of("CARD", "DEBIT")),
            Map.entry(Category.GOVERNMENT_AND_NON_PROFIT, Set.of("CARD", "DEBIT")),
            Map.entry(Category.RENT_AND_UTILITIES, Set.of("DEBIT")),
            Map.entry(Category.LOAN_PAYMENTS, Set.of("DEBIT")),
            Map.entry(Category.BANK_FEES, Set.of("FEE")),
            Map.entry(Category.TRANSFER_OUT, Set.of("TRANSFER")),
            Map.entry(Category.OTHER, Set.of("CASH")),
            Map.entry(Category.INCOME, Set.of("CREDIT")),
            Map.entry(Category.TRANSFER_IN, Set.of("CREDIT")),
            Map.entry(Category.LOAN_DISBURSEMENTS, Set.of("CREDIT")));

    /**
     * The labelled sets. The evaluation's two parts are made apart from training: new transactions
     * of the training merchants, and the transactions of merchants training never saw.
     *
     * @param training       the training set
     * @param knownMerchants new transactions of training merchants, generated apart from training
     * @param newMerchants   transactions of the evaluation merchants, which training never sees
     */
    public record Sets(List<CategoryModel.Example> training, List<CategoryModel.Example> knownMerchants,
                       List<CategoryModel.Example> newMerchants) {

        /** Both parts of the evaluation set. */
        public List<CategoryModel.Example> evaluation() {
            List<CategoryModel.Example> both = new ArrayList<>(knownMerchants);
            both.addAll(newMerchants);
            return both;
        }
    }

    /** A merchant's category that several users agreed on in their corrections. */
    public record AgreedCategory(String merchant, Category category) {
    }

    private record Merchant(Category category, boolean evaluation, String name, BigDecimal min, BigDecimal max,
                            String mcc) {
    }

    private record Template(boolean moneyIn, String kind, String text) {
    }

    private TrainingData() {
    }

    /** The sets of the project's data alone, the same for the same seed. */
    public static Sets generate(long seed, int perMerchant) {
        return generate(seed, perMerchant, List.of());
    }

    /**
     * The sets, the same for the same arguments, with the categories users agreed on: a known merchant
     * takes the agreed category in training and evaluation alike (users are the better judges of
     * where a merchant belongs), an unknown one joins the training merchants.
     *
     * @param perMerchant transactions made from each merchant for training or as a new merchant; half
     *                    as many new transactions of each training merchant
     */
    public static Sets generate(long seed, int perMerchant, List<AgreedCategory> agreed) {
        Random random = new Random(seed);
        List<Merchant> merchants = new ArrayList<>(merchants());
        merchants.addAll(keywordMerchants(merchants, random));
        merchants.addAll(mccMerchants(merchants, random));
        merchants = withAgreed(merchants, agreed);
        List<Template> templates = templates();
        List<CategoryModel.Example> training = new ArrayList<>();
        List<CategoryModel.Example> newMerchants = new ArrayList<>();
        List<CategoryModel.Example> knownMerchants = new ArrayList<>();
        Random apart = new Random(seed ^ 0x5EED_CAFEL);
        for (Merchant merchant : merchants) {
            List<Template> fitting = templates.stream()
                    .filter(t -> t.moneyIn() == Categories.isMoneyIn(merchant.category())
                            && KINDS.get(merchant.category()).contains(t.kind()))
                    .toList();
            for (int i = 0; i < perMerchant; i++) {
                (merchant.evaluation() ? newMerchants : training).add(example(merchant, fitting, random));
            }
            for (int i = 0; !merchant.evaluation() && i < Math.max(1, perMerchant / 2); i++) {
                knownMerchants.add(example(merchant, fitting, apart));
            }
        }
        return new Sets(List.copyOf(training), List.copyOf(knownMerchants), List.copyOf(newMerchants));
    }

    private static CategoryModel.Example example(Merchant merchant, List<Template> fitting, Random random) {
        Template template = fitting.get(random.nextInt(fitting.size()));
        return new CategoryModel.Example(
                new ModelInput(description(template, merchant, random),
                        random.nextInt(5) == 0 ? merchant.name() : null, amount(merchant, random),
                        random.nextBoolean() ? merchant.mcc() : null),
                merchant.category());
    }

    private static List<Merchant> withAgreed(List<Merchant> merchants, List<AgreedCategory> agreed) {
        List<Merchant> result = new ArrayList<>(merchants);
        for (AgreedCategory category : agreed) {
            if (!KINDS.containsKey(category.category())) {
                continue; // UNCATEGORIZED is no category to learn
            }
            String name = category.merchant().strip();
            List<Merchant> usual = merchants.stream().filter(m -> m.category() == category.category()).toList();
            boolean known = false;
            for (int i = 0; i < result.size(); i++) {
                Merchant merchant = result.get(i);
                if (merchant.name().equalsIgnoreCase(name)) {
                    result.set(i, new Merchant(category.category(), merchant.evaluation(), merchant.name(),
                            merchant.min(), merchant.max(), merchant.mcc()));
                    known = true;
                }
            }
            if (!known && !usual.isEmpty()) {
                result.add(new Merchant(category.category(), false, name,
                        usual.stream().map(Merchant::min).min(BigDecimal::compareTo).orElseThrow(),
                        usual.stream().map(Merchant::max).max(BigDecimal::compareTo).orElseThrow(), null));
            }
        }
        return result;
    }

    private static String description(Template template, Merchant merchant, Random random) {
        String text = template.text()
                .replace("{NAME}", merchant.name().toUpperCase(Locale.ROOT))
                .replace("{Name}", merchant.name())
                .replace("{card}", "****" + digits(random, 4))
                .replace("{store}", digits(random, 3 + random.nextInt(3)))
                .replace("{city}", CITIES.get(random.nextInt(CITIES.size())))
                .replace("{date}", String.format(Locale.ROOT, "%02d/%02d", 1 + random.nextInt(28), 1 + random.nextInt(12)))
                .replace("{ref}", reference(random));
        // banks cut descriptions at 18 to 35 characters now and then
        int cut = 18 + random.nextInt(18);
        return random.nextInt(4) == 0 && text.length() > cut ? text.substring(0, cut).strip() : text;
    }

    private static BigDecimal amount(Merchant merchant, Random random) {
        BigDecimal range = merchant.max().subtract(merchant.min());
        BigDecimal size = merchant.min().add(range.multiply(BigDecimal.valueOf(random.nextDouble())))
                .setScale(2, RoundingMode.HALF_UP);
        return Categories.isMoneyIn(merchant.category()) ? size : size.negate();
    }

    private static String digits(Random random, int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    private static String reference(Random random) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
        StringBuilder reference = new StringBuilder();
        for (int i = 0; i < 6 + random.nextInt(5); i++) {
            reference.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return reference.toString();
    }

    private static List<Merchant> merchants() {
        List<CSVRecord> records = CsvResource.read(DIRECTORY + "merchants.csv");
        List<Merchant> merchants = new ArrayList<>();
        for (CSVRecord record : records.subList(1, records.size())) {
            merchants.add(new Merchant(Category.valueOf(record.get(0)), "eval".equals(record.get(1)), record.get(2),
                    new BigDecimal(record.get(3)), new BigDecimal(record.get(4)), null));
        }
        return merchants;
    }

    /**
     * Training merchants made from the rule tier's keywords ({@code keyword-rules.csv}): each keyword
     * in two made-up names ("Tovera Pharmacy", "Pharmacy Brinso"), so the model learns the word
     * rather than a brand, in the amounts of its category's merchants.
     */
    private static List<Merchant> keywordMerchants(List<Merchant> merchants, Random random) {
        List<Merchant> made = new ArrayList<>();
        Set<String> brands = evaluationBrands(merchants);
        List<CSVRecord> records = CsvResource.read("/io/ledgerstream/topology/categorize/keyword-rules.csv");
        for (CSVRecord record : records.subList(1, records.size())) {
            Category category = Category.valueOf(record.get(2));
            List<Merchant> usual = merchants.stream().filter(m -> m.category() == category).toList();
            if (usual.isEmpty() || "MONEY_IN".equals(record.get(1)) != Categories.isMoneyIn(category)
                    && !"ANY".equals(record.get(1))) {
                continue;
            }
            String keyword = record.get(0).replace("*", "");
            if (brands.contains(keyword)) {
                continue; // an evaluation merchant's own name: the evaluation stays apart from training
            }
            BigDecimal min = usual.stream().map(Merchant::min).min(BigDecimal::compareTo).orElseThrow();
            BigDecimal max = usual.stream().map(Merchant::max).max(BigDecimal::compareTo).orElseThrow();
            made.add(new Merchant(category, false, madeUpWord(random) + " " + keyword, min, max, null));
            made.add(new Merchant(category, false, keyword + " " + madeUpWord(random), min, max, null));
        }
        return made;
    }

    /**
     * Training merchants made from the merchant category codes the rule tier categorizes: a made-up
     * name with the code's description ("Kalo Drug Stores And Pharmacies"), and the code itself on
     * half of their transactions, as card payments carry it.
     */
    private static List<Merchant> mccMerchants(List<Merchant> merchants, Random random) {
        MccDirectory directory = MccDirectory.load();
        Set<String> brands = evaluationBrands(merchants);
        MccCategorizer rules = MccCategorizer.load(directory);
        List<Merchant> made = new ArrayList<>();
        for (String code : directory.codes()) {
            Optional<Category> category = rules.categorize(new TransactionFeatures(null, null, null, "", code,
                    Direction.MONEY_OUT, BigDecimal.ONE.negate())).map(CategoryDecision::category);
            List<Merchant> usual = category.map(c -> merchants.stream().filter(m -> m.category() == c).toList())
                    .orElse(List.of());
            if (usual.isEmpty()) {
                continue;
            }
            String words = String.join(" ", directory.description(code).orElseThrow().split("[^\\p{L}]+"));
            if (Arrays.stream(words.toLowerCase(Locale.ROOT).split(" ")).anyMatch(brands::contains)) {
                continue; // names an evaluation merchant ("Marriott Hotels"): kept out of training
            }
            made.add(new Merchant(category.get(), false, madeUpWord(random) + " " + words,
                    usual.stream().map(Merchant::min).min(BigDecimal::compareTo).orElseThrow(),
                    usual.stream().map(Merchant::max).max(BigDecimal::compareTo).orElseThrow(), code));
        }
        return made;
    }

    /** The first word of each evaluation merchant, its brand ("waitrose", "marriott"). */
    private static Set<String> evaluationBrands(List<Merchant> merchants) {
        return merchants.stream().filter(Merchant::evaluation)
                .map(m -> m.name().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")[0])
                .collect(Collectors.toSet());
    }

    /** A word that is no merchant's: two or three syllables. */
    private static String madeUpWord(Random random) {
        String[] syllables = {"ka", "lo", "bri", "to", "ve", "ra", "min", "so", "del", "ta", "nu", "pe", "gar", "ix"};
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < 2 + random.nextInt(2); i++) {
            word.append(syllables[random.nextInt(syllables.length)]);
        }
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static List<Template> templates() {
        List<CSVRecord> records = CsvResource.read(DIRECTORY + "descriptions.csv");
        List<Template> templates = new ArrayList<>();
        for (CSVRecord record : records.subList(1, records.size())) {
            templates.add(new Template("MONEY_IN".equals(record.get(0)), record.get(1), record.get(2)));
        }
        return templates;
    }
}
