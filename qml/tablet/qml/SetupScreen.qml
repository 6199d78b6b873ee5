import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui

// First-run setup, done by staff: which edge, which table, the table's password.
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
}
