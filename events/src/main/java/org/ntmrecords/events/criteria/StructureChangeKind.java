package org.ntmrecords.events.criteria;

/** How an amendment changes the indicators of a set, beyond their requirements. */
public enum StructureChangeKind {
    /** A new indicator in an existing criterion. */
    ADDED,
    /** An indicator taken out of the set; its criterion keeps at least one. */
    REMOVED,
    /** An indicator replaced by several new ones, in its place; its entries stay under its own code. */
    SPLIT,
    /** An indicator whose requirement takes another kind of value (e.g. achieved-or-not becomes a ratio). */
    KIND_CHANGED
}
