package org.ntmrecords.command.support;

import java.io.File;
import java.lang.reflect.Executable;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandHandler;

/**
 * The command classes of a package, found by scanning its compiled classes: records named {@code …Command}, the
 * records nested in a {@code …Commands} class, and whatever a {@code @CommandHandler} of the package takes.
 */
public final class CommandClasses {
    private CommandClasses() {
    }

    public static Set<Class<?>> in(String packageName) {
        Set<Class<?>> commands = new TreeSet<>((a, b) -> a.getName().compareTo(b.getName()));
        for (Class<?> type : classesOf(packageName)) {
            if (type.isRecord() && type.getEnclosingClass() == null && type.getSimpleName().endsWith("Command")) {
                commands.add(type);
            }
            if (type.isRecord() && type.getEnclosingClass() != null
                    && type.getEnclosingClass().getSimpleName().endsWith("Commands")) {
                commands.add(type);
            }
            Stream.<Executable>concat(Stream.of(type.getDeclaredMethods()), Stream.of(type.getDeclaredConstructors()))
                    .filter(handler -> handler.isAnnotationPresent(CommandHandler.class))
                    .filter(handler -> handler.getParameterCount() > 0)
                    .forEach(handler -> commands.add(handler.getParameterTypes()[0]));
        }
        return commands;
    }

    /** The packages under {@code root} (itself included) that hold commands. */
    public static Set<String> packagesWithCommands(String root) {
        Set<String> packages = new TreeSet<>();
        for (Class<?> type : classesUnder(root)) {
            if (!in(type.getPackageName()).isEmpty()) {
                packages.add(type.getPackageName());
            }
        }
        return packages;
    }

    private static List<Class<?>> classesOf(String packageName) {
        return classes(packageName, false);
    }

    private static List<Class<?>> classesUnder(String root) {
        return classes(root, true);
    }

    private static List<Class<?>> classes(String packageName, boolean recursive) {
        List<Class<?>> classes = new ArrayList<>();
        try {
            Enumeration<URL> roots = Thread.currentThread().getContextClassLoader()
                    .getResources(packageName.replace('.', '/'));
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                if (url.getProtocol().equals("file")) {
                    collect(new File(url.toURI()), packageName, recursive, classes);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot scan " + packageName, e);
        }
        return classes;
    }

    private static void collect(File directory, String packageName, boolean recursive, List<Class<?>> classes)
            throws ClassNotFoundException {
        File[] files = directory.listFiles();
        if (files == null) {
            return;
        }
        for (File file : files) {
            if (file.isDirectory() && recursive) {
                collect(file, packageName + "." + file.getName(), true, classes);
            } else if (file.getName().endsWith(".class") && !file.getName().equals("package-info.class")) {
                String name = packageName + "." + file.getName().substring(0, file.getName().length() - 6);
                classes.add(Class.forName(name, false, Thread.currentThread().getContextClassLoader()));
            }
        }
    }
}
