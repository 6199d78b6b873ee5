import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui

// First-run setup, done by staff: the manager screen's pairing QR (scanned, or its link
// pasted), or by hand: which edge, which table, the table's password.
Rectangle {
    id: screen
    objectName: "setupScreen"
    color: Theme.ink

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 64, 560)
        height: form.implicitHeight + 80
        radius: 24
        color: Theme.surface

        ColumnLayout {
            id: form
            anchors.fill: parent
            anchors.margins: 40
            spacing: 20

            Text {
                textFormat: Text.PlainText
                text: qsTr("Set up this table's tablet")
                font.pixelSize: Theme.headline
                font.weight: Font.Bold
                color: Theme.text
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
            }
            Text {
                textFormat: Text.PlainText
                text: qsTr("For staff. The tablet remembers this until it is set up again.")
                font.pixelSize: Theme.small + 2
                color: Theme.textMuted
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
            }
            // The quick way: the manager screen's "pair a tablet" QR, scanned or its link pasted.
            RowLayout {
                spacing: 12
                Layout.fillWidth: true
                TextInputField {
                    id: linkField
                    objectName: "setupLink"
                    Layout.fillWidth: true
                    label: tablet.scanner.available ? qsTr("Pairing QR from the manager screen, or its link")
                                                    : qsTr("Pairing link from the manager screen")
                    placeholder: "tableorder://pair?…"
                    inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
                }
                TouchButton {
                    id: scanButton
                    objectName: "setupScan"
                    Layout.alignment: Qt.AlignBottom
                    visible: tablet.scanner.available && linkField.text.trim().length === 0
                    enabled: !tablet.setupBusy
                    text: qsTr("Scan pairing QR")
                    onClicked: scanner.active = true
                }
                TouchButton {
                    objectName: "setupPair"
                    Layout.alignment: Qt.AlignBottom
                    visible: !scanButton.visible
                    enabled: !tablet.setupBusy && linkField.text.trim().length > 0
                    text: qsTr("Pair")
                    onClicked: tablet.pair(linkField.text)
                }
            }
            Text {
                textFormat: Text.PlainText
                text: qsTr("Or set up by hand with the table's password:")
                font.pixelSize: Theme.small + 2
                color: Theme.textMuted
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
            }
            TextInputField {
                id: edgeField
                objectName: "setupEdge"
                Layout.fillWidth: true
                label: qsTr("Edge address")
                placeholder: "http://192.168.0.10:8080"
                text: tablet.edgeUrl
                visible: !tablet.edgeProvisioned
                inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
            }
            TextInputField {
                id: fingerprintField
                objectName: "setupFingerprint"
                Layout.fillWidth: true
                label: qsTr("Certificate fingerprint (SHA-256, for https)")
                placeholder: "AB:CD:…"
                visible: !tablet.edgeProvisioned && edgeField.text.trim().toLowerCase().startsWith("https")
                inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
            }
            Text {
                textFormat: Text.PlainText
                visible: tablet.edgeProvisioned
                text: qsTr("Edge: %1").arg(tablet.edgeUrl)
                font.pixelSize: Theme.body
                color: Theme.textMuted
            }
            RowLayout {
                spacing: 16
                Layout.fillWidth: true
                TextInputField {
                    id: tableField
                    objectName: "setupTable"
                    Layout.preferredWidth: 180
                    label: qsTr("Table number")
                    text: tablet.tableNumber > 0 ? String(tablet.tableNumber) : ""
                    inputMethodHints: Qt.ImhDigitsOnly
                }
                TextInputField {
                    id: passwordField
                    objectName: "setupPassword"
                    Layout.fillWidth: true
                    label: qsTr("Table password")
                    echoMode: TextInput.Password
                }
            }
            Text {
                textFormat: Text.PlainText
                objectName: "setupError"
                visible: tablet.setupError.length > 0
                text: tablet.setupError
                color: Theme.danger
                font.pixelSize: Theme.body
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
            }
            TouchButton {
                objectName: "setupSubmit"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchLarge
                fontSize: Theme.title
                text: tablet.setupBusy ? qsTr("Connecting…") : qsTr("Start taking orders")
                enabled: !tablet.setupBusy
                onClicked: tablet.setup(edgeField.text, parseInt(tableField.text), passwordField.text, fingerprintField.text)
            }
        }
    }

    // The camera, only while scanning; its QML (QtMultimedia) loads only on a device that has one.
    Loader {
        id: scanner
        objectName: "setupScanner"
        anchors.fill: parent
        active: false
        source: "QrScanView.qml"
        Connections {
            target: scanner.item
            function onClosed() { scanner.active = false }
        }
    }
    Connections {
        target: tablet.scanner
        function onLinkFound(link) {
            scanner.active = false
            linkField.text = link
            tablet.pair(link)
        }
    }
}
