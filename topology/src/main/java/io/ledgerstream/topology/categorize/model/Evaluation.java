package io.ledgerstream.topology.categorize.model;

import io.ledgerstream.schemas.avro.Category;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How well predictions match the labels of an evaluation set.
 *
 * @param accuracy  share of examples predicted right
 * @param macroF1   the F1 score of each category that occurs (labelled or predicted), averaged
 * @param confusion per pair of (labelled, predicted) categories that differ, how often
 * @param count     examples scored
 */
public record Evaluation(double accuracy, double macroF1, Map<Category, Map<Category, Integer>> confusion, int count) {

    /** Scores {@code predict} on the examples. */
    public static Evaluation of(List<CategoryModel.Example> examples, Function<ModelInput, Category> predict) {
        Map<Category, Integer> truePositives = new EnumMap<>(Category.class);
        Map<Category, Integer> labelled = new EnumMap<>(Category.class);
        Map<Category, Integer> predicted = new EnumMap<>(Category.class);
        Map<Category, Map<Category, Integer>> confusion = new EnumMap<>(Category.class);
        int right = 0;
        for (CategoryModel.Example example : examples) {
            Category label = example.category();
            Category guess = predict.apply(example.input());
            labelled.merge(label, 1, Integer::sum);
            predicted.merge(guess, 1, Integer::sum);
            if (label == guess) {
                right++;
                truePositives.merge(label, 1, Integer::sum);
            } else {
                confusion.computeIfAbsent(label, c -> new EnumMap<>(Category.class)).merge(guess, 1, Integer::sum);
            }
        }
        double f1Sum = 0;
        List<Category> occurring = Stream.concat(labelled.keySet().stream(), predicted.keySet().stream())
                .distinct().toList();
        for (Category category : occurring) {
            double tp = truePositives.getOrDefault(category, 0);
            double precision = predicted.containsKey(category) ? tp / predicted.get(category) : 0;
            double recall = labelled.containsKey(category) ? tp / labelled.get(category) : 0;
            f1Sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
        return new Evaluation(examples.isEmpty() ? 0 : (double) right / examples.size(),
                occurring.isEmpty() ? 0 : f1Sum / occurring.size(), confusion, examples.size());
    }

    /** The most frequent confusions, "TRAVEL -> TRANSPORTATION: 12", most first. */
    public List<String> topConfusions(int limit) {
        return confusion.entrySet().stream()
                .flatMap(row -> row.getValue().entrySet().stream()
                        .map(cell -> Map.entry(row.getKey() + " -> " + cell.getKey(), cell.getValue())))
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(entry -> entry.getKey() + ": " + entry.getValue())
                .collect(Collectors.toList());
    }
}
