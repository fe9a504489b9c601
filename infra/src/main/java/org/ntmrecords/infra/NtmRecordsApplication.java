package org.ntmrecords.infra;

import org.ntmrecords.infra.integrity.ExportVerifier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * NTM Records: the event-sourced record of Vietnam's New Rural Development programme.
 *
 * <p>Without arguments it runs the service. With a first argument naming a task (see {@link CommandLineTasks})
 * it runs that task against the same database and exits.
 */
@SpringBootApplication(scanBasePackages = "org.ntmrecords")
@ConfigurationPropertiesScan("org.ntmrecords.infra")
public class NtmRecordsApplication {
    public static void main(String[] args) throws java.io.IOException {
        if (args.length > 0 && args[0].equals("verify-export")) {
            // offline: no service, no database
            System.exit(ExportVerifier.run(java.util.List.of(args).subList(1, args.length)));
        }
        // Axon's update checker would call the network; it reads this JVM property (and the Spring one in
        // application.yml). Set unless the operator chose otherwise.
        System.setProperty("axoniq.update-checker.disabled",
                System.getProperty("axoniq.update-checker.disabled", "true"));
        System.setProperty("disable-axoniq-console-message",
                System.getProperty("disable-axoniq-console-message", "true"));
        SpringApplication application = new SpringApplication(NtmRecordsApplication.class);
        if (CommandLineTasks.isTask(args)) {
            application.setWebApplicationType(WebApplicationType.NONE);
            application.setAdditionalProfiles("task");
            System.exit(SpringApplication.exit(application.run(args)));
        }
        application.run(args);
    }
}
