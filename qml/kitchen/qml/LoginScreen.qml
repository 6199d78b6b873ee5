import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui
import TableOrder.Client

Rectangle {
    objectName: "loginScreen"
    color: Theme.kBackground

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 64, 560)
        height: form.implicitHeight + 80
        radius: 24
        color: Theme.kPanel
        border.width: 1
        border.color: Theme.kLine

        ColumnLayout {
            id: form
            anchors.fill: parent
            anchors.margins: 40
            spacing: 20
            Text {
                textFormat: Text.PlainText
                text: qsTr("Kitchen display")
                font.pixelSize: Theme.headline
                font.weight: Font.Bold
                color: Theme.kText
            }
            Text {
                textFormat: Text.PlainText
                text: qsTr("Log in with a kitchen, floor staff or manager account.")
                font.pixelSize: Theme.body
                color: Theme.kTextMuted
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
            }
            TextInputField {
                id: edgeField
                objectName: "loginEdge"
                dark: true
                Layout.fillWidth: true
                label: qsTr("Edge address, or a pairing link from the manager screen")
                placeholder: "http://192.168.0.10:8080"
                text: kitchen.edgeUrl
                visible: !kitchen.edgeProvisioned
                property string linkError: ""
                // A pasted tableorder://pair link fills the address and the fingerprint.
                onTextChanged: {
                    if (!PairingLinks.looksLikeLink(text)) {
                        linkError = ""
                        return
                    }
                    const link = PairingLinks.parse(text)
                    linkError = link.ok ? "" : link.error
                    if (link.ok) {
                        fingerprintField.text = link.fingerprint
                        text = link.edge
                    }
                }
            }
            Text {
                textFormat: Text.PlainText
                objectName: "loginLinkError"
                visible: edgeField.linkError.length > 0
                text: qsTr("Not a usable pairing link: %1").arg(edgeField.linkError)
                color: Theme.kVeryLate
                font.pixelSize: Theme.small + 2
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
            }
            TextInputField {
                id: fingerprintField
                objectName: "loginFingerprint"
                dark: true
                Layout.fillWidth: true
                label: qsTr("Certificate fingerprint (SHA-256, for https)")
                placeholder: "AB:CD:…"
                visible: !kitchen.edgeProvisioned && edgeField.text.trim().toLowerCase().startsWith("https")
                inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
            }
            TextInputField {
                id: userField
                objectName: "loginUser"
                dark: true
                Layout.fillWidth: true
                label: qsTr("User name")
                text: kitchen.username
            }
            TextInputField {
                id: passwordField
                objectName: "loginPassword"
                dark: true
                Layout.fillWidth: true
                label: qsTr("Password")
                echoMode: TextInput.Password
            }
            Text {
                textFormat: Text.PlainText
                objectName: "loginError"
                visible: kitchen.loginError.length > 0
                text: kitchen.loginError
                color: Theme.kVeryLate
                font.pixelSize: Theme.body
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
            }
            TouchButton {
                objectName: "loginSubmit"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchLarge
                fontSize: Theme.title
                text: kitchen.loginBusy ? qsTr("Logging in…") : qsTr("Log in")
                enabled: !kitchen.loginBusy
                onClicked: kitchen.login(edgeField.text, userField.text, passwordField.text, fingerprintField.text)
            }
        }
    }
}
