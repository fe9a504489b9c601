package org.ntmrecords.events.reporting;

import java.util.Locale;
import org.ntmrecords.events.common.BodyRef;

/** The identity of a body within a duty: the agency it is, else the unit whose committee it is, else its name. */
public final class Bodies {
    private Bodies() {
    }

    /** {@code agency:872-tnmt}, {@code unit:30049}, or {@code name:<the name, lower case, spaces single>}. */
    public static String key(BodyRef body) {
        if (body.agencyId() != null) {
            return "agency:" + body.agencyId();
        }
        if (body.unitCode() != null) {
            return "unit:" + body.unitCode();
        }
        return "name:" + body.name().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
