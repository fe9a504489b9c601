package org.ntmrecords.infra.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.UserError;
import org.ntmrecords.query.common.InvalidArgumentException;

/**
 * The message bundles: each in Vietnamese (the default) and English with the same keys, every pattern readable with
 * the same placeholders in both, and every key the code names present; and no refusal written in fixed English words
 * where the messages come from the bundles.
 */
class MessageBundlesTest {
    /**
     * Where every message for a person comes from the bundles: the command side, the query side, the whole API
     * (infra/api and every feature under it) and the rest of infra that speaks to people (tasks, imports, sign-in,
     * evidence files, integrity checks, read-model rebuilds).
     */
    private static final String[] FROM_THE_BUNDLES = {"org.ntmrecords.command..", "org.ntmrecords.query..",
            "org.ntmrecords.infra.api..", "org.ntmrecords.infra.tasks..", "org.ntmrecords.infra.importing..",
            "org.ntmrecords.infra.security..", "org.ntmrecords.infra.evidence..", "org.ntmrecords.infra.integrity..",
            "org.ntmrecords.infra.projection..", "org.ntmrecords.infra.distribution..",
            "org.ntmrecords.infra.recognition..", "org.ntmrecords.infra.demo.."};

    /** Bundle → how the code names its keys. */
    private static final Map<String, Pattern> USES = Map.of(
            "messages/command", Pattern.compile("CommandText\\.of\\(\\s*\"([^\"]+)\""),
            "messages/query", Pattern.compile("QueryText\\.of\\(\\s*\"([^\"]+)\""),
            "messages/api", Pattern.compile("ApiText\\.(?:of|say)\\((?:[^,()\"]+,\\s*)?\"([^\"]+)\""));

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static Set<Integer> placeholders(String pattern) {
        Set<Integer> found = new TreeSet<>();
        new MessageFormat(pattern).getFormatsByArgumentIndex();
        Matcher m = Pattern.compile("\\{(\\d+)").matcher(pattern.replaceAll("'[^']*'", ""));
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages/command", "messages/query", "messages/api"})
    void vietnameseAndEnglishSayTheSameThings(String bundle) throws IOException {
        Properties vi = load(bundle + ".properties");
        Properties en = load(bundle + "_en.properties");
        assertThat(en.stringPropertyNames()).as("English keys of %s", bundle).isEqualTo(vi.stringPropertyNames());
        List<String> problems = new ArrayList<>();
        for (String key : vi.stringPropertyNames()) {
            try {
                if (!placeholders(vi.getProperty(key)).equals(placeholders(en.getProperty(key)))) {
                    problems.add(key + ": the languages name different values");
                }
            } catch (IllegalArgumentException e) {
                problems.add(key + ": not a MessageFormat pattern: " + e.getMessage());
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * No refusal in fixed English words: the refusals that reach a person carry a
     * {@link org.ntmrecords.events.common.Message} of the bundles, and none of them can be built from a plain string
     * any more, so that a message in fixed words cannot come back.
     */
    @Test
    void noRefusalCanBeWrittenInFixedWords() {
        for (Class<?> refusal : List.of(CommandRejectedException.class, UserError.class, InvalidArgumentException.class,
                org.ntmrecords.query.overview.OverviewRefusedException.class)) {
            for (java.lang.reflect.Constructor<?> constructor : refusal.getConstructors()) {
                List<Class<?>> parameters = List.of(constructor.getParameterTypes());
                assertThat(parameters.contains(String.class) && !parameters.contains(org.ntmrecords.events.common.Message.class)
                        && parameters.stream().filter(String.class::equals).count() >= (refusal == UserError.class ? 2 : 1)
                        && !(refusal == UserError.class && parameters.size() == 4))
                        .as("%s can be built from fixed words: %s", refusal.getSimpleName(), constructor).isFalse();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages/command", "messages/query", "messages/api"})
    void everyKeyTheCodeNamesIsInTheBundle(String bundle) throws IOException {
        Properties vi = load(bundle + ".properties");
        Set<String> missing = new TreeSet<>();
        Path root = Path.of("..").toAbsolutePath().normalize();
        for (String module : List.of("events", "command-side", "query-side", "infra")) {
            Path sources = root.resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = USES.get(bundle).matcher(Files.readString(file));
                    while (m.find()) {
                        if (!vi.containsKey(m.group(1))) {
                            missing.add(m.group(1) + " (" + file.getFileName() + ")");
                        }
                    }
                }
            }
        }
        assertThat(missing).as("keys named in the code but not in %s", bundle).isEmpty();
    }

    /** The history's summaries name their keys as literals, wherever in the expression they stand. */
    @Test
    void everyHistorySummaryKeyIsInBothLanguages() throws IOException {
        Properties vi = load("messages/query.properties");
        Properties en = load("messages/query_en.properties");
        Set<String> named = new TreeSet<>();
        Path history = Path.of("..").toAbsolutePath().normalize()
                .resolve("query-side/src/main/java/org/ntmrecords/query/history");
        try (Stream<Path> files = Files.list(history)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = Pattern.compile("\"(history\\.[A-Za-z.]+)\"").matcher(Files.readString(file));
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }
        assertThat(named).hasSizeGreaterThan(60);
        assertThat(named).filteredOn(key -> !vi.containsKey(key) || !en.containsKey(key))
                .as("summary keys missing from a language").isEmpty();
    }
}
