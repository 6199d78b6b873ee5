import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui

// The logged-in screen: top bar, banners, and the board or a manager page.
Item {
    id: shell
    objectName: "shell"
    // Floor staff start on the floor (tables and calls); kitchen and manager on the tickets.
    property string page: kitchen.canKitchen ? "board" : "tables"

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        TopBar {
            Layout.fillWidth: true
            page: shell.page
            onPageRequested: (name) => shell.page = name
        }
        Banner {
            objectName: "offlineBanner"
            Layout.fillWidth: true
            visible: !kitchen.online
            tint: Theme.dangerStrong // white text on it: 6.6:1 (kVeryLate gave 3.5:1)
            pulsing: true
            text: kitchen.certificateRefused ? qsTr("NOT CONNECTED: the edge's certificate is not the paired one")
                                             : qsTr("OFFLINE: reconnecting…")
            detail: kitchen.certificateRefused ? qsTr("Log out and log in again with the fingerprint the manager screen shows.")
                  : kitchen.retryInSeconds > 0
                    ? qsTr("Next try in %1 s. The board may be out of date; taps are kept and sent when back.").arg(kitchen.retryInSeconds)
                    : qsTr("The board may be out of date; taps are kept and sent when back.")
        }
        Banner {
            // A kitchen printer in fault (issue 14): which one and what to do.
            objectName: "printerBanner"
            Layout.fillWidth: true
            visible: kitchen.printers.faults.length > 0
            tint: Theme.warning
            text: kitchen.printers.faults.join("   ·   ")
        }
        Repeater {
            model: kitchen.canKitchen ? kitchen.board.alerts : []
            delegate: Rectangle {
                objectName: "alert-" + modelData.orderId
                Layout.fillWidth: true
                implicitHeight: 64
                color: Theme.kLate
                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: 24
                    anchors.rightMargin: 12
                    Text {
                        textFormat: Text.PlainText
                        text: qsTr("⚠ Order #%1 (table %2) was not confirmed by any kitchen screen within %3 s. Check that it is being made.")
                                .arg(modelData.number).arg(modelData.tableNumber).arg(modelData.ageSeconds)
                        color: "#1B1B1B"
                        font.pixelSize: Theme.body
                        font.weight: Font.Bold
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                    TouchButton {
                        text: qsTr("Seen")
                        variant: "dark"
                        onClicked: kitchen.board.dismissAlert(modelData.orderId)
                    }
                }
            }
        }
        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: ["board", "tables", "menu", "editor", "day", "printers", "expo", "times"].indexOf(shell.page)
            // The board sends kitchen receipts for what it shows: only kitchen screens have it.
            Loader { active: kitchen.canKitchen; sourceComponent: Component { Board {} } }
            Loader { active: kitchen.canFloor; sourceComponent: Component { TablesPage {} } }
            Loader { active: kitchen.canKitchen; sourceComponent: Component { MenuPage {} } }
            Loader { active: kitchen.isManager && shell.page === "editor"; sourceComponent: Component { MenuEditorPage {} } }
            Loader { active: kitchen.isManager && shell.page === "day"; sourceComponent: Component { DayClosePage {} } }
            Loader { active: kitchen.isManager && shell.page === "printers"; sourceComponent: Component { PrintersPage {} } }
            Loader { active: shell.page === "expo"; sourceComponent: Component { ExpoPage {} } }
            Loader { active: kitchen.isManager && shell.page === "times"; sourceComponent: Component { KitchenTimesPage {} } }
        }
    }

    UndoBar {
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: 24
    }

    Rectangle {
        objectName: "messageToast"
        visible: kitchen.message.length > 0
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.top: parent.top
        anchors.topMargin: 96
        width: Math.min(parent.width - 64, messageText.implicitWidth + 140)
        height: 64
        radius: 32
        color: Theme.kCardAlt
        border.width: 2
        border.color: Theme.kLine
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 24
            anchors.rightMargin: 8
            Text { id: messageText; textFormat: Text.PlainText; text: kitchen.message; color: Theme.kText; font.pixelSize: Theme.body; Layout.fillWidth: true; elide: Text.ElideRight }
            TouchButton { text: "✕"; variant: "dark"; implicitWidth: Theme.touch; onClicked: kitchen.clearMessage() }
        }
        Timer { running: parent.visible; interval: 6000; onTriggered: kitchen.clearMessage() }
    }
}
