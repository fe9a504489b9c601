package org.ntmrecords.events.common;

import java.math.BigDecimal;

/**
 * An amount of money: exact, in đồng (VND), and as the source writes it ({@code "30,478 tỷ đồng"},
 * {@code "300 triệu"}), so that the unit the source used stays visible.
 *
 * @param vnd       the amount in đồng, exact (never a floating-point number)
 * @param asWritten as the source writes it, or null when it was given in đồng
 */
public record Money(BigDecimal vnd, String asWritten) {
}
