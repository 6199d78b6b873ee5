import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui
import TableOrder.Kitchen

// Manager: the "pair a tablet" QR of one table. The tablet's setup screen scans it (or takes
// the link pasted); the code in it works once, for ten minutes. "Next table" walks through
// the tables for setting up a room full of tablets.
Dialog {
    id: dialog
    objectName: "pairingDialog"
    readonly property var pairing: kitchen.pairing
    parent: Overlay.overlay
    anchors.centerIn: parent
    modal: true
    width: Math.min(parent ? parent.width - 64 : 980, 980)
    padding: 32
    onClosed: pairing.clear()
    background: Rectangle { radius: 20; color: Theme.kPanel; border.width: 1; border.color: Theme.kLine }

    function minutesText(seconds) {
        return Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0")
    }

    contentItem: RowLayout {
        spacing: 32
        // White card around the code: cameras need contrast, the panel is dark.
        Rectangle {
            Layout.preferredWidth: 440
            Layout.preferredHeight: 440
            Layout.alignment: Qt.AlignTop
            radius: 16
            color: "white"
            QrCode {
                id: qr
                objectName: "pairingQr"
                anchors.fill: parent
                anchors.margins: 12
                text: pairing.expired ? "" : pairing.link
                visible: pairing.link.length > 0 && !pairing.expired
            }
            Text {
                textFormat: Text.PlainText
                anchors.centerIn: parent
                width: parent.width - 48
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                visible: !qr.visible
                text: pairing.busy ? qsTr("Asking the edge for a code…")
                      : pairing.expired ? qsTr("This code has expired. Tap \u201cNew code\u201d.")
                      : pairing.error
                color: pairing.error.length > 0 && !pairing.busy ? Theme.danger : "#444444"
                font.pixelSize: Theme.title
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            spacing: 14
            Text {
                textFormat: Text.PlainText
                objectName: "pairingTitle"
                text: qsTr("Pair a tablet with table %1").arg(pairing.tableNumber || (kitchen.selectedTable.number || ""))
                font.pixelSize: Theme.headline; font.weight: Font.Bold; color: Theme.kText
                Layout.fillWidth: true; wrapMode: Text.WordWrap
            }
            Text {
                textFormat: Text.PlainText
                text: qsTr("On the tablet's setup screen, tap \u201cScan pairing QR\u201d and hold it up to this code. The tablet joins this table; no password needed.")
                font.pixelSize: Theme.body; color: Theme.kTextMuted
                Layout.fillWidth: true; wrapMode: Text.WordWrap
            }
            Pill {
                objectName: "pairingCountdown"
                visible: pairing.link.length > 0
                text: pairing.expired ? qsTr("Expired") : qsTr("Works once · %1 left").arg(dialog.minutesText(pairing.secondsLeft))
                tint: pairing.expired ? Theme.kVeryLate : (pairing.secondsLeft < 60 ? Theme.kLate : Theme.kDone)
                textColor: "#101214"
            }
            GridLayout {
                columns: 2
                columnSpacing: 14
                rowSpacing: 6
                visible: pairing.link.length > 0
                Layout.fillWidth: true
                Text { textFormat: Text.PlainText; text: qsTr("Code"); color: Theme.kTextMuted; font.pixelSize: Theme.small + 2 }
                Text { textFormat: Text.PlainText; objectName: "pairingCode"; text: pairing.code; color: Theme.kText; font.pixelSize: Theme.title; font.weight: Font.Bold; font.family: "monospace" }
                Text { textFormat: Text.PlainText; text: qsTr("Edge"); color: Theme.kTextMuted; font.pixelSize: Theme.small + 2 }
                Text { textFormat: Text.PlainText; text: pairing.edgeUrl; color: Theme.kText; font.pixelSize: Theme.body; Layout.fillWidth: true; elide: Text.ElideRight }
                Text { textFormat: Text.PlainText; visible: pairing.fingerprint.length > 0; text: qsTr("Certificate"); color: Theme.kTextMuted; font.pixelSize: Theme.small + 2; Layout.alignment: Qt.AlignTop }
                Text {
                    textFormat: Text.PlainText
                    visible: pairing.fingerprint.length > 0
                    text: "SHA-256\n" + pairing.fingerprint
                    color: Theme.kTextMuted; font.pixelSize: Theme.small; font.family: "monospace"
                    Layout.fillWidth: true
                }
            }
            Text {
                textFormat: Text.PlainText
                objectName: "pairingWarning"
                visible: pairing.warning.length > 0
                text: pairing.warning
                color: Theme.kLate; font.pixelSize: Theme.body
                Layout.fillWidth: true; wrapMode: Text.WordWrap
            }
            Item { Layout.fillHeight: true; Layout.preferredHeight: 8 }
            RowLayout {
                spacing: 12
                Layout.fillWidth: true
                TouchButton {
                    objectName: "pairingCopy"
                    text: qsTr("Copy link")
                    variant: "dark"
                    enabled: pairing.link.length > 0 && !pairing.expired
                    Layout.fillWidth: true
                    onClicked: { linkCopy.text = pairing.link; linkCopy.selectAll(); linkCopy.copy() }
                }
                TouchButton {
                    objectName: "pairingRenew"
                    text: qsTr("New code")
                    variant: "dark"
                    enabled: !pairing.busy && pairing.tableId !== 0
                    Layout.fillWidth: true
                    onClicked: pairing.request(pairing.tableId)
                }
            }
            RowLayout {
                spacing: 12
                Layout.fillWidth: true
                TouchButton {
                    objectName: "pairingDone"
                    text: qsTr("Done")
                    variant: "dark"
                    Layout.fillWidth: true
                    onClicked: dialog.close()
                }
                TouchButton {
                    objectName: "pairingNext"
                    text: qsTr("Next table \u2192")
                    enabled: !pairing.busy
                    Layout.fillWidth: true
                    onClicked: if (!pairing.next()) dialog.close()
                }
            }
            // For "Copy link": QML has no clipboard API of its own.
            TextEdit { id: linkCopy; visible: false; textFormat: TextEdit.PlainText }
        }
    }
}
