import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui

// The rush board: every ticket still to cook, left to right in arrival order, wrapping into
// rows of fixed-width tickets as tall as their content, page by page; "+N more" says how many
// wait on the next pages. The bump bar (a USB keypad) works it:
//   1-9 select the n-th ticket of the page (its big number), Enter bumps it,
//   "." or "+" bumps its next line, "0" or "-" recalls the last bumped ticket,
//   "/" or PgUp the previous page, "*" or PgDown the next page.
// The all-day counts sit on the right when the screen is wide enough.
Item {
    id: board
    objectName: "board"
    // One clock for every ticket's age, so ages tick together.
    property double now: Date.now()
    Timer { interval: 10000; running: true; repeat: true; onTriggered: board.now = Date.now() }

    property int page: 0
    property int pageCount: 1
    /// Tickets on the current page, in order: what the number keys pick from.
    property var pageIds: []
    property int moreAfter: 0
    property int moreBefore: 0
    readonly property int gap: 10
    readonly property int minTicketWidth: 300
    readonly property int columns: Math.max(1, Math.floor((area.width + gap) / (minTicketWidth + gap)))
    readonly property real ticketWidth: (area.width - gap * (columns - 1)) / columns

    function layout() {
        const count = tiles.count
        let page = 0, y = 0, col = 0, rowHeight = 0, onPage = 0
        for (let i = 0; i < count; ++i) {
            const tile = tiles.itemAt(i)
            if (!tile)
                continue
            const h = tile.implicitHeight
            if (col === board.columns) {
                y += rowHeight + board.gap
                col = 0
                rowHeight = 0
            }
            // A ticket that would be cut off starts the next page (unless it is alone there).
            if (onPage > 0 && y + h > area.height) {
                ++page
                y = 0
                col = 0
                rowHeight = 0
                onPage = 0
            }
            tile.x = col * (board.ticketWidth + board.gap)
            tile.y = y
            tile.page = page
            rowHeight = Math.max(rowHeight, h)
            ++col
            ++onPage
        }
        board.pageCount = count > 0 ? page + 1 : 1
        if (board.page >= board.pageCount)
            board.page = board.pageCount - 1
        let ids = [], after = 0, before = 0
        for (let j = 0; j < count; ++j) {
            const t = tiles.itemAt(j)
            if (!t)
                continue
            if (t.page === board.page)
                ids.push(t.ticketId)
            else if (t.page > board.page)
                ++after
            else
                ++before
        }
        board.pageIds = ids
        board.moreAfter = after
        board.moreBefore = before
    }
    function relayout() { layoutTimer.restart() }
    // Heights settle over a few bindings: lay out once per frame's worth of changes.
    Timer { id: layoutTimer; interval: 0; onTriggered: board.layout() }
    onPageChanged: layout()
    onColumnsChanged: relayout()
    onTicketWidthChanged: relayout()
    onVisibleChanged: if (visible) relayout()

    function selectNumber(n) {
        if (n >= 1 && n <= pageIds.length && n <= 9)
            kitchen.board.select(pageIds[n - 1])
    }
    function nextPage() { if (page + 1 < pageCount) page += 1 }
    function previousPage() { if (page > 0) page -= 1 }

    // The bump bar. Window shortcuts, so a tapped button that took the focus does not
    // silence the keypad; only while the board is the page on screen.
    Repeater {
        model: 9
        Item {
            Shortcut {
                enabled: board.visible
                sequences: [String(index + 1)]
                onActivated: board.selectNumber(index + 1)
            }
        }
    }
    Shortcut {
        enabled: board.visible
        sequences: ["Return", "Enter"]
        onActivated: if (kitchen.board.selectedOrderId > 0) kitchen.board.advance(kitchen.board.selectedOrderId)
    }
    Shortcut { enabled: board.visible; sequences: [".", "+"]; onActivated: kitchen.board.bumpNextLine() }
    Shortcut { enabled: board.visible; sequences: ["0", "-"]; onActivated: kitchen.board.recallLast() }
    Shortcut { enabled: board.visible; sequences: ["*", "PgDown"]; onActivated: board.nextPage() }
    Shortcut { enabled: board.visible; sequences: ["/", "PgUp"]; onActivated: board.previousPage() }

    RowLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 12

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 10

            // The strip: count (flashes on a new ticket), paging, "+N more", and recall.
            Rectangle {
                Layout.fillWidth: true
                Layout.preferredHeight: 60
                radius: 12
                color: Theme.kPanel
                Rectangle {
                    id: flashOverlay
                    anchors.fill: parent
                    radius: 12
                    color: Theme.kNew
                    opacity: 0
                    SequentialAnimation {
                        id: flash
                        loops: 3
                        NumberAnimation { target: flashOverlay; property: "opacity"; to: 0.7; duration: 160 }
                        NumberAnimation { target: flashOverlay; property: "opacity"; to: 0; duration: 260 }
                    }
                }
                Connections {
                    target: kitchen.board
                    function onNewOrderArrived() { flash.restart() }
                }
                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: 14
                    anchors.rightMargin: 8
                    spacing: 10
                    Text {
                        objectName: "ticketCount"
                        textFormat: Text.PlainText
                        text: qsTr("%n ticket(s)", "", tiles.count)
                        color: Theme.kText
                        font.pixelSize: Theme.title
                        font.weight: Font.Black
                    }
                    TouchButton {
                        objectName: "previousPage"
                        visible: board.pageCount > 1
                        enabled: board.page > 0
                        variant: "dark"
                        tint: Theme.kCard
                        text: board.moreBefore > 0 ? qsTr("◀ %1").arg(board.moreBefore) : "◀"
                        fontSize: Theme.body
                        Layout.preferredHeight: 48
                        onClicked: board.previousPage()
                    }
                    Text {
                        objectName: "pageLabel"
                        visible: board.pageCount > 1
                        textFormat: Text.PlainText
                        text: qsTr("Page %1/%2").arg(board.page + 1).arg(board.pageCount)
                        color: Theme.kTextMuted
                        font.pixelSize: Theme.body
                    }
                    TouchButton {
                        // "+N more": the tickets waiting on the next pages.
                        objectName: "nextPage"
                        visible: board.pageCount > 1
                        enabled: board.page + 1 < board.pageCount
                        variant: "dark"
                        tint: board.moreAfter > 0 ? Theme.kPreparing : Theme.kCard
                        textColor: board.moreAfter > 0 ? "#101214" : Theme.kText
                        text: board.moreAfter > 0 ? qsTr("+%1 more ▶").arg(board.moreAfter) : "▶"
                        fontSize: Theme.body
                        Layout.preferredHeight: 48
                        onClicked: board.nextPage()
                    }
                    Item { Layout.fillWidth: true }
                    Text {
                        visible: kitchen.board.recent.length > 0
                        textFormat: Text.PlainText
                        text: qsTr("Recall")
                        color: Theme.kTextMuted
                        font.pixelSize: Theme.small
                    }
                    Repeater {
                        // The newest bumps, newest first ("0" or "-" recalls the first).
                        model: kitchen.board.recent.slice(0, board.width > 1500 ? 5 : 3)
                        delegate: TouchButton {
                            objectName: "recall-" + modelData.orderId
                            variant: "dark"
                            tint: Theme.kCardAlt
                            text: "↶ #" + modelData.number + " " + qsTr("T%1").arg(modelData.tableNumber)
                            fontSize: Theme.small + 2
                            Layout.preferredHeight: 48
                            onClicked: kitchen.board.recall(modelData.orderId)
                        }
                    }
                }
            }

            Item {
                id: area
                objectName: "ticketArea"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                onHeightChanged: board.relayout()

                Repeater {
                    id: tiles
                    model: kitchen.board.active
                    onCountChanged: board.relayout()
                    delegate: Ticket {
                        id: tile
                        property int page: 0
                        readonly property int position: board.pageIds.indexOf(orderId)
                        width: board.ticketWidth
                        now: board.now
                        visible: page === board.page
                        keyNumber: position >= 0 && position < 9 ? position + 1 : 0
                        selected: kitchen.board.selectedOrderId === orderId
                        onImplicitHeightChanged: board.relayout()
                        height: implicitHeight
                        opacity: 0
                        Component.onCompleted: appear.start()
                        NumberAnimation { id: appear; target: tile; property: "opacity"; to: 1; duration: 250 }
                    }
                }
                Text {
                    textFormat: Text.PlainText
                    anchors.centerIn: parent
                    visible: tiles.count === 0
                    text: qsTr("No tickets")
                    color: Theme.kTextMuted
                    font.pixelSize: Theme.title
                    opacity: 0.6
                }
            }
        }
        AllDayPanel {
            visible: board.width >= 1600
            Layout.preferredWidth: Math.max(230, board.width * 0.13)
            Layout.fillHeight: true
        }
    }
}
