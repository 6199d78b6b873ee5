import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui

Rectangle {
    id: bar
    property string page: "board"
    signal pageRequested(string name)
    implicitHeight: 84
    color: Theme.kPanel

    function stationLabel(name) {
        switch (name) {
        case "kitchen": return qsTr("Kitchen")
        case "bar": return qsTr("Bar")
        case "dessert": return qsTr("Dessert")
        }
        return name
    }

    Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.kLine }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 20
        anchors.rightMargin: 16
        spacing: 12

        // The pages and the station filter scroll sideways when they do not fit (a manager at
        // 1280 px has eight pages): the connection, clock, language and log out stay in view.
        Flickable {
            id: pagesFlick
            objectName: "pagesFlick"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumWidth: 0
            contentWidth: pagesRow.implicitWidth
            contentHeight: height
            flickableDirection: Flickable.HorizontalFlick
            boundsBehavior: Flickable.StopAtBounds
            clip: true
            RowLayout {
                id: pagesRow
                height: pagesFlick.height
                spacing: 12
                Repeater {
                    model: kitchen.isManager ? ["board", "expo", "tables", "menu", "editor", "day", "times", "printers"]
                         : kitchen.canFloor ? ["tables", "expo"] : ["board", "expo", "menu"]
                    delegate: TouchButton {
                        objectName: "page-" + modelData
                        variant: "dark"
                        tint: bar.page === modelData ? Theme.accent
                            : modelData === "tables" && kitchen.calls.overdueCount > 0 ? Theme.dangerStrong : Theme.kCard
                        text: modelData === "board" ? qsTr("Tickets")
                              : modelData === "tables" ? (kitchen.calls.openCount > 0 ? qsTr("Floor (%1 calls)").arg(kitchen.calls.openCount) : qsTr("Floor"))
                              : modelData === "expo" ? (kitchen.expo.readyCount > 0 ? qsTr("Expo (%1 ready)").arg(kitchen.expo.readyCount) : qsTr("Expo"))
                              : modelData === "editor" ? qsTr("Edit menu") : modelData === "day" ? qsTr("Close day") : modelData === "printers" ? qsTr("Printers")
                              : modelData === "times" ? qsTr("Kitchen times") : qsTr("Menu")
                        fontSize: Theme.body
                        onClicked: bar.pageRequested(modelData)
                    }
                }

                Rectangle { width: 1; Layout.preferredHeight: 48; color: Theme.kLine; Layout.leftMargin: 8; Layout.rightMargin: 8 }

                // Which stations this screen shows (saved on this screen). None lit = all stations.
                Text {
                    textFormat: Text.PlainText
                    text: qsTr("Stations")
                    color: Theme.kTextMuted
                    font.pixelSize: Theme.small
                    visible: bar.page === "board"
                }
                Repeater {
                    model: bar.page === "board" ? kitchen.knownStations : []
                    delegate: TouchButton {
                        objectName: "station-" + modelData
                        readonly property bool on: kitchen.board.stations.indexOf(modelData) >= 0
                        variant: "dark"
                        tint: on ? "#2F5C8F" : Theme.kCard
                        textColor: on ? "white" : Theme.kTextMuted
                        text: (on ? "✓ " : "") + bar.stationLabel(modelData)
                        fontSize: Theme.body - 2
                        onClicked: kitchen.board.toggleStation(modelData)
                    }
                }
                Text {
                    textFormat: Text.PlainText
                    visible: bar.page === "board" && kitchen.board.stations.length === 0
                    text: qsTr("(all)")
                    color: Theme.kTextMuted
                    font.pixelSize: Theme.small
                }
            }
        }

        Pill {
            objectName: "connectionPill"
            tint: kitchen.online ? "#1F6B3A" : Theme.kVeryLate
            text: kitchen.online ? qsTr("● Live") : qsTr("● Offline")
            fontSize: Theme.small
            Layout.preferredHeight: 36
        }
        Text {
            id: clock
            textFormat: Text.PlainText
            color: Theme.kText
            font.pixelSize: Theme.title
            font.weight: Font.DemiBold
            text: Qt.formatTime(new Date(), "hh:mm")
            Timer { interval: 10000; running: true; repeat: true; onTriggered: clock.text = Qt.formatTime(new Date(), "hh:mm") }
        }
        TouchButton {
            objectName: "languageButton"
            variant: "dark"
            tint: Theme.kCard
            text: kitchen.language === "ko" ? "EN" : "한국어"
            onClicked: kitchen.setLanguage(kitchen.language === "ko" ? "en" : "ko")
        }
        TouchButton {
            objectName: "logoutButton"
            variant: "dark"
            tint: Theme.kCard
            text: qsTr("Log out (%1)").arg(kitchen.username)
            fontSize: Theme.small + 2
            onClicked: logoutDialog.open()
        }
    }

    Dialog {
        id: logoutDialog
        parent: Overlay.overlay
        anchors.centerIn: parent
        modal: true
        width: 520
        padding: 32
        background: Rectangle { radius: 20; color: Theme.kPanel; border.width: 1; border.color: Theme.kLine }
        contentItem: ColumnLayout {
            spacing: 24
            Text {
                textFormat: Text.PlainText
                text: qsTr("Log out of this screen?")
                font.pixelSize: Theme.title
                font.weight: Font.Bold
                color: Theme.kText
            }
            RowLayout {
                spacing: 16
                TouchButton { text: qsTr("Stay"); variant: "dark"; Layout.fillWidth: true; onClicked: logoutDialog.close() }
                TouchButton { text: qsTr("Log out"); variant: "danger"; Layout.fillWidth: true; onClicked: { logoutDialog.close(); kitchen.logout() } }
            }
        }
    }
}
