package org.ntmrecords.events.plan;

/** How far money has come: raised or committed (huy động) or actually spent (giải ngân). */
public enum FundingStage {
    /** Huy động: raised, collected or committed. */
    MOBILISED,
    /** Giải ngân: paid out. */
    DISBURSED
}
