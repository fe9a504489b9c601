/**
 * The command-line tasks, one picocli command per class, run instead of the service:
 * {@code java -jar ntm-records.jar <task> [arguments]}. {@link org.ntmrecords.infra.tasks.TaskLauncher} decides
 * before Spring starts (an unknown task, {@code --help}, wrong arguments and the offline {@code verify-export} never
 * start it); {@link org.ntmrecords.infra.tasks.TaskRunner} runs a task in the {@code task} profile, each task created
 * by Spring with the services it needs.
 */
package org.ntmrecords.infra.tasks;
