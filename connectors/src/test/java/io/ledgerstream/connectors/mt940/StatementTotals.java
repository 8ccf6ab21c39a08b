package io.ledgerstream.connectors.mt940;

import io.ledgerstream.schemas.avro.RawTransaction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test ground truth read from the raw file without the parser: per ':20:' block, its number of
 * ':61:' lines and its opening and closing balances; then whether opening + the parsed amounts of
 * that many rows equals the closing balance. Null where the block states no pair of balances.
 */
final class StatementTotals {

    private static final Pattern OPENING = Pattern.compile("(?m)^:60[FM]:([CD])\\d{6}[A-Z]{3}([\\d,]+)");
    private static final Pattern CLOSING = Pattern.compile("(?m)^:62[FM]:([CD])\\d{6}[A-Z]{3}([\\d,]+)");
    private static final Pattern ENTRY = Pattern.compile("(?m)^:61:");

    private StatementTotals() {
    }

    static List<Boolean> balances(String rawText, List<RawTransaction> parsed) {
        String[] blocks = rawText.replace("\r", "").split("(?m)^:20:");
        List<Boolean> result = new ArrayList<>();
        int next = 0;
        for (int i = 1; i < blocks.length; i++) {
            int entries = (int) ENTRY.matcher(blocks[i]).results().count();
            BigDecimal sum = BigDecimal.ZERO;
            for (RawTransaction row : parsed.subList(next, next + entries)) {
                sum = sum.add(new BigDecimal(row.getAmount()));
            }
            next += entries;
            Matcher opening = OPENING.matcher(blocks[i]);
            Matcher closing = CLOSING.matcher(blocks[i]);
            result.add(opening.find() && closing.find()
                    ? balance(opening).add(sum).compareTo(balance(closing)) == 0 : null);
        }
        return result;
    }

    private static BigDecimal balance(Matcher matcher) {
        String digits = matcher.group(2).replace(',', '.');
        BigDecimal value = new BigDecimal(digits.endsWith(".") ? digits + "0" : digits);
        return matcher.group(1).equals("D") ? value.negate() : value;
    }
}
