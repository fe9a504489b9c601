package org.ntmrecords.infra.document;

/** A recognition case's status and next step in the words of QĐ 18/2022's procedure. */
final class CaseStatuses {
    private CaseStatuses() {
    }

    static String word(String status) {
        return switch (status) {
            case "OPENED" -> "Đã đăng ký, chờ tự đánh giá";
            case "SELF_ASSESSED" -> "Đã tự đánh giá";
            case "SUBMITTED" -> "Đã gửi hồ sơ, chờ thẩm tra";
            case "RETURNED" -> "Hồ sơ bị trả lại";
            case "VERIFIED" -> "Đã thẩm tra, chờ thẩm định";
            case "PROPOSED" -> "Đã thẩm định, chờ quyết định";
            case "GRANTED" -> "Đã công nhận";
            case "REFUSED" -> "Không công nhận";
            case "ANNOUNCED" -> "Đã công nhận và công bố";
            case "REVOKED" -> "Đã thu hồi";
            case "KEPT" -> "Giữ danh hiệu";
            case "LAPSED" -> "Hết thời hạn công nhận";
            default -> status;
        };
    }

    static String step(String step) {
        return switch (step) {
            case "SELF_ASSESSMENT" -> "tự đánh giá";
            case "SUBMISSION" -> "gửi hồ sơ";
            case "VERIFICATION" -> "thẩm tra";
            case "APPRAISAL" -> "thẩm định";
            case "SURVEY" -> "lấy ý kiến sự hài lòng của người dân";
            case "DECISION" -> "quyết định công nhận";
            case "ANNOUNCEMENT" -> "công bố";
            default -> step;
        };
    }
}
