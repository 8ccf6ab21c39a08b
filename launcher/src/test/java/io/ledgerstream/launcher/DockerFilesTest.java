package io.ledgerstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import io.ledgerstream.config.LedgerstreamConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What can be checked of {@code docker/} without a Docker engine: {@code compose.yaml} against the
 * Compose specification's JSON schema and against the app's own configuration and commands; the
 * Dockerfile's build against the build {@code ./ledgerstream} runs (and CI exercises).
 */
class DockerFilesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path COMPOSE = ROOT.resolve("docker/compose.yaml");
    private static final Path DOCKERFILE = ROOT.resolve("docker/Dockerfile");
    private static final String APP_IMAGE = "ledgerstream:local";

    private static JsonNode compose() throws IOException {
        // SnakeYAML resolves anchors and merge keys (<<) as Compose does; Jackson's YAML parser does not merge
        Object yaml = new Yaml().load(Files.readString(COMPOSE));
        return new ObjectMapper().valueToTree(yaml);
    }

    @Test
    @DisplayName("compose.yaml is valid against the Compose specification's JSON schema")
    void shouldMatchTheComposeSpecification() throws IOException {
        // the schema names itself with draft 4's "id", which 2019-09 no longer knows (it is only a label there)
        Dialect draft201909 = Dialect.builder(Dialects.getDraft201909()).keyword(new NonValidationKeyword("id")).build();
        SchemaRegistry schemas = SchemaRegistry.withDialect(draft201909);

        List<Error> errors = schemas.getSchema(SchemaLocation.of("classpath:compose-spec/compose_spec.json"))
                .validate(compose());

        assertThat(errors).isEmpty();
    }

    @Test
    @DisplayName("the stack has Kafka, a registry, Redis, two app instances, the notifier and the feed, with health checks and volumes")
    void shouldDescribeTheWholeStack() throws IOException {
        JsonNode services = compose().path("services");

        assertThat(names(services)).containsExactlyInAnyOrder("kafka", "schema-registry", "redis", "app-1", "app-2",
                "notifier", "feed");
        for (String service : List.of("kafka", "schema-registry", "redis", "app-1", "app-2")) {
            assertThat(services.path(service).path("healthcheck").path("test").isArray()).as("%s's health check", service)
                    .isTrue();
        }
        for (String service : List.of("kafka", "redis", "app-1", "app-2")) {
            assertThat(services.path(service).path("volumes").isEmpty()).as("%s keeps its data on a volume", service)
                    .isFalse();
        }
        for (String service : List.of("app-1", "app-2", "notifier", "feed")) {
            JsonNode dependsOn = services.path(service).path("depends_on");
            for (String infrastructure : List.of("kafka", "schema-registry", "redis")) {
                assertThat(dependsOn.path(infrastructure).path("condition").asText()).as("%s waits for %s", service,
                        infrastructure).isEqualTo("service_healthy");
            }
        }
    }

    @Test
    @DisplayName("the app services run commands the launcher has, with settings the app reads, each instance addressing itself")
    void shouldConfigureTheAppAsItReadsItsConfiguration() throws IOException {
        JsonNode services = compose().path("services");
        Set<String> known = Arrays.stream(LedgerstreamConfig.Key.values()).map(LedgerstreamConfig.Key::env)
                .collect(Collectors.toCollection(HashSet::new));
        known.addAll(List.of("LEDGERSTREAM_CONFIG", "LEDGERSTREAM_LOG_FORMAT", "JAVA_TOOL_OPTIONS"));
        Set<String> commands = Main.commandLine(LedgerstreamConfig.load(Map.of())).getSubcommands().keySet();
        Set<String> applicationServers = new HashSet<>();
        int apps = 0;
        for (String name : names(services)) {
            JsonNode service = services.path(name);
            if (!APP_IMAGE.equals(service.path("image").asText())) {
                continue;
            }
            apps++;
            assertThat(service.path("build").path("dockerfile").asText()).isEqualTo("docker/Dockerfile");
            assertThat(commands).as("%s's command", name).contains(service.path("command").get(0).asText());
            // Kafka's own settings pass through as LEDGERSTREAM_KAFKA_<PROPERTY>
            List<String> variables = names(service.path("environment")).stream()
                    .filter(variable -> !variable.startsWith("LEDGERSTREAM_KAFKA_")).toList();
            assertThat(known).as("%s's environment: every variable one the app reads", name).containsAll(variables);

            String applicationServer = service.path("environment").path("LEDGERSTREAM_APPLICATION_SERVER").asText();
            if ("run".equals(service.path("command").get(0).asText())) {
                assertThat(applicationServer).as("%s is found by its service name on the API's port", name)
                        .isEqualTo(name + ":" + containerPort());
                applicationServers.add(applicationServer);
                assertThat(service.path("environment").path("LEDGERSTREAM_JWT_SECRET").asText())
                        .as("one secret for every instance, from outside the file").startsWith("${LEDGERSTREAM_JWT_SECRET");
            }
        }
        assertThat(apps).isEqualTo(4);
        assertThat(applicationServers).as("two app instances").hasSize(2);
    }

    @Test
    @DisplayName("the image builds as ./ledgerstream does, ships what classpath.txt lists and starts the launcher")
    void shouldBuildTheImageAsTheLauncherBuilds() throws IOException {
        String dockerfile = Files.readString(DOCKERFILE);
        String[] stages = dockerfile.split("\nFROM ");
        assertThat(stages).as("comments, then the build and the runtime stage").hasSize(3);
        List<String> buildSteps = runSteps(stages[1]);

        assertThat(buildSteps.getFirst()).as("the build ./ledgerstream runs on first use").isEqualTo(launcherBuild());
        assertThat(buildSteps.get(1)).contains("launcher/target/launcher.jar").contains("launcher/target/classpath.txt");
        assertThat(dockerfile).contains("\"" + Main.class.getName() + "\"")
                .contains("EXPOSE " + containerPort())
                .contains("LEDGERSTREAM_HTTP_HOST=0.0.0.0");
        assertThat(Files.readString(ROOT.resolve("docker/Dockerfile.dockerignore"))).contains("**/target");
    }

    /** The Maven command in {@code ./ledgerstream}'s build step. */
    private static String launcherBuild() throws IOException {
        Matcher build = Pattern.compile("\\(cd \"\\$ROOT\" && (\\./mvnw [^)]*)\\)")
                .matcher(Files.readString(ROOT.resolve("ledgerstream")));
        assertThat(build.find()).as("./ledgerstream builds with ./mvnw").isTrue();
        return build.group(1).strip();
    }

    /** The RUN instructions, each joined over its continuation lines. */
    private static List<String> runSteps(String stage) {
        List<String> steps = new ArrayList<>();
        for (String instruction : stage.replace("\\\n", " ").split("\n")) {
            if (instruction.startsWith("RUN ")) {
                steps.add(instruction.substring("RUN ".length()).replaceAll("\\s+", " ").strip());
            }
        }
        return steps;
    }

    private static String containerPort() {
        return LedgerstreamConfig.load(Map.of()).get(LedgerstreamConfig.Key.HTTP_PORT);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
