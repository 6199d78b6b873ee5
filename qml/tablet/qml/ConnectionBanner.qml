import QtQuick
import TableOrder.Ui
import TableOrder.Client

// Says plainly when the tablet cannot reach the restaurant's system, and that orders wait.
// Its countdown is tablet.retryInSeconds, the same one the order dialog shows.
Banner {
    objectName: "offlineBanner"
    visible: tablet.menuReady && !tablet.online
    tint: Theme.dangerStrong
    pulsing: true
    text: tablet.certificateRefused ? qsTr("Not connected: the restaurant system's certificate has changed")
                                    : qsTr("Offline: reconnecting…")
    detail: tablet.certificateRefused ? qsTr("Staff: set this tablet up again with the new fingerprint.")
          : tablet.retryInSeconds > 0
            ? qsTr("Next try in %1 s. Orders you place are kept and sent once, as soon as we are back.").arg(tablet.retryInSeconds)
            : qsTr("Orders you place are kept and sent once, as soon as we are back.")
}
