package org.ntmrecords.events.unit;

import java.util.Objects;

/**
 * A unit that took over (all or part of) a unit that ceased.
 *
 * @param share {@link Share#WHOLE} when the whole ceased unit went into it, {@link Share#PART} when the ceased
 *              unit was split and this successor took a part
 */
public record Successor(String code, Share share) {
    public Successor {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(share, "share");
    }

    public enum Share {
        WHOLE, PART
    }
}
