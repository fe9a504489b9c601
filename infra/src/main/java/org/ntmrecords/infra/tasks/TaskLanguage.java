package org.ntmrecords.infra.tasks;

import java.util.List;
import java.util.Locale;
import org.ntmrecords.infra.api.ApiText;
import picocli.CommandLine.Option;

/**
 * Every task's {@code --lang}: the language of what it prints (progress, reports, refusals), Vietnamese unless
 * {@code --lang en}, as the API answers unless a request asks for English. Logs stay in English.
 */
public class TaskLanguage {
    public static final String OPTION = "--lang";

    @Option(names = OPTION, paramLabel = "<vi|en>",
            description = "The language of the task's output: vi (default) or en.")
    String lang;

    public Locale locale() {
        return ApiText.language(lang);
    }

    /** The language the arguments ask for ({@code --lang en}, {@code --lang=en}), read before picocli reads them. */
    public static Locale of(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals(OPTION) && i + 1 < args.size()) {
                return ApiText.language(args.get(i + 1));
            }
            if (arg.startsWith(OPTION + "=")) {
                return ApiText.language(arg.substring(OPTION.length() + 1));
            }
        }
        return ApiText.language((String) null);
    }

    /** Whether an argument is the language option or its value (kept among a task's arguments). */
    static boolean isOption(String arg) {
        return arg.equals(OPTION) || arg.startsWith(OPTION + "=");
    }
}
