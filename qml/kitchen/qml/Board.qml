import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui

// The ticket board: new, preparing, done a moment ago; and the all-day count beside it.
Item {
    id: board
    objectName: "board"
    // One clock for every ticket's age, so ages tick together.
    property double now: Date.now()
    Timer { interval: 1000; running: true; repeat: true; onTriggered: board.now = Date.now() }

    RowLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 12

        TicketColumn {
            objectName: "column-new"
            Layout.fillWidth: true
            Layout.fillHeight: true
            title: qsTr("New")
            tint: Theme.kNew
            tickets: kitchen.newTickets
            now: board.now
            flashSerial: kitchen.newOrderSerial
        }
        TicketColumn {
            objectName: "column-preparing"
            Layout.fillWidth: true
            Layout.fillHeight: true
            title: qsTr("Preparing")
            tint: Theme.kPreparing
            tickets: kitchen.preparingTickets
            now: board.now
        }
        TicketColumn {
            objectName: "column-done"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.maximumWidth: board.width * 0.24
            title: qsTr("Done")
            tint: Theme.kDone
            tickets: kitchen.doneTickets
            now: board.now
            compact: true
        }
        AllDayPanel {
            Layout.preferredWidth: Math.max(230, board.width * 0.15)
            Layout.fillHeight: true
        }
    }
}
