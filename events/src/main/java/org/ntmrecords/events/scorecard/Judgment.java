package org.ntmrecords.events.scorecard;

/** The three states of an indicator, criterion or standing. */
public enum Judgment {
    MET, NOT_MET, NOT_ASSESSED
}
