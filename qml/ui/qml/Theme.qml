pragma Singleton
import QtQuick

// Colours, sizes and type for both apps. Touch first: nothing tappable is smaller than
// `touch` (56 px, above the 48 px minimum), text is sized to read at arm's length.
QtObject {
    readonly property int touch: 56
    readonly property int touchLarge: 72
    readonly property int radius: 14
    readonly property int gap: 16

    // Type scale (pixels)
    readonly property int small: 16
    readonly property int body: 20
    readonly property int title: 26
    readonly property int headline: 34
    readonly property int display: 48

    // Customer tablet: warm and light
    readonly property color background: "#F5F0E8"
    readonly property color surface: "#FFFFFF"
    readonly property color surfaceAlt: "#FBF8F3"
    readonly property color line: "#E6DED2"
    readonly property color text: "#221C16"
    readonly property color textMuted: "#756B60"
    readonly property color accent: "#C8472B"
    readonly property color accentDark: "#A23620"
    readonly property color accentSoft: "#FBE9E4"
    readonly property color ink: "#2B2520"

    // States
    readonly property color success: "#2F8F46"
    readonly property color successSoft: "#E3F4E7"
    readonly property color warning: "#E08A00"
    readonly property color warningSoft: "#FFF3DB"
    readonly property color danger: "#D63A3A"
    readonly property color dangerSoft: "#FCE6E6"
    // For text and for strips that carry white text: WCAG AA (4.5:1) at any size.
    readonly property color dangerStrong: "#B42318"   // white on it: 6.6:1
    readonly property color warningText: "#9A5B00"    // on white: 5.4:1
    readonly property color successText: "#1E6B34"    // on white: 6.5:1
    readonly property color info: "#1F6FB8"
    readonly property color infoSoft: "#E3EEF9"

    // Kitchen display: dark, high contrast, status colours readable across a kitchen
    readonly property color kBackground: "#121418"
    readonly property color kPanel: "#1B1F25"
    readonly property color kCard: "#262B33"
    readonly property color kCardAlt: "#2E343D"
    readonly property color kLine: "#3A414C"
    readonly property color kText: "#F3F4F6"
    readonly property color kTextMuted: "#A7AFBA"
    readonly property color kNew: "#3B8BEB"
    readonly property color kPreparing: "#F2A93B"
    readonly property color kDone: "#3DBB63"
    readonly property color kLate: "#F5C518"
    readonly property color kVeryLate: "#F0524F"

    function statusColor(status) {
        switch (status) {
        case "pending": return info
        case "preparing": return warning
        case "completed": return success
        case "served": return success
        case "canceled": return textMuted
        }
        return textMuted
    }
}
