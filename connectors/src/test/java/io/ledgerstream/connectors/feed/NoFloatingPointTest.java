package io.ledgerstream.connectors.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the mock feed never holds money, or anything else, in a float or double")
class NoFloatingPointTest {

    private static final Set<Class<?>> FLOATING = Set.of(double.class, float.class, Double.class, Float.class);

    @Test
    void shouldDeclareNoFloatingPointFieldsParametersOrResults() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(MockBankFeed.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(MockBankFeed.class.getPackageName().replace('.', '/'));
        List<String> offenders = new ArrayList<>();
        List<Class<?>> checked = new ArrayList<>();
        try (Stream<Path> files = Files.list(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName(MockBankFeed.class.getPackageName() + "." + name);
                checked.add(type);
                for (Field field : type.getDeclaredFields()) {
                    if (FLOATING.contains(field.getType())) {
                        offenders.add(type.getSimpleName() + "." + field.getName());
                    }
                }
                for (Method method : type.getDeclaredMethods()) {
                    if (FLOATING.contains(method.getReturnType())) {
                        offenders.add(type.getSimpleName() + "." + method.getName() + "()");
                    }
                    for (Parameter parameter : method.getParameters()) {
                        if (FLOATING.contains(parameter.getType())) {
                            offenders.add(type.getSimpleName() + "." + method.getName() + "(" + parameter.getName() + ")");
                        }
                    }
                }
            }
        }
        assertThat(checked).contains(MockBankFeed.class, SimulatedUser.class, TransactionFactory.class);
        assertThat(offenders).isEmpty();
    }
}
