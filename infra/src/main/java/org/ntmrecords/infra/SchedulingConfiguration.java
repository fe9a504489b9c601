package org.ntmrecords.infra;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Periodic checks of the running service (e.g. criteria set versions whose effective date has come); not in tasks. */
@Configuration(proxyBeanMethods = false)
@Profile("!task")
@EnableScheduling
public class SchedulingConfiguration {
}
