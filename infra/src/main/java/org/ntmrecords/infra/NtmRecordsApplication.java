package org.ntmrecords.infra;

import org.ntmrecords.infra.tasks.TaskLauncher;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * NTM Records: the event-sourced record of Vietnam's New Rural Development programme.
 *
 * <p>Without a task it runs the service (Spring's {@code --name=value} options aside). With one (see
 * {@link org.ntmrecords.infra.tasks.NtmRecordsTasks}) it runs that task against the same database and exits; a word
 * that names no task is refused before anything starts.
 */
@SpringBootApplication(scanBasePackages = "org.ntmrecords")
@ConfigurationPropertiesScan("org.ntmrecords.infra")
public class NtmRecordsApplication {
    public static void main(String[] args) {
        // the task list, a task's help, a refusal and the offline verify-export: no service, no database
        TaskLauncher.Launch launch = TaskLauncher.decide(args);
        if (launch.kind() == TaskLauncher.Kind.DONE) {
            System.exit(launch.exitCode());
        }
        // Axon's update checker would call the network; it reads this JVM property (and the Spring one in
        // application.yml). Set unless the operator chose otherwise.
        System.setProperty("axoniq.update-checker.disabled",
                System.getProperty("axoniq.update-checker.disabled", "true"));
        System.setProperty("disable-axoniq-console-message",
                System.getProperty("disable-axoniq-console-message", "true"));
        SpringApplication application = new SpringApplication(NtmRecordsApplication.class);
        if (launch.kind() == TaskLauncher.Kind.TASK) {
            application.setWebApplicationType(WebApplicationType.NONE);
            application.setAdditionalProfiles("task");
            System.exit(SpringApplication.exit(application.run(args)));
        }
        application.run(args);
    }
}
