<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>CartBar</name>
    <message>
        <location filename="../qml/CartBar.qml" line="20" />
        <source>%1 items in your order</source>
        <translation>주문할 메뉴 %1개</translation>
    </message>
    <message>
        <location filename="../qml/CartBar.qml" line="21" />
        <source>Tap a dish to add it</source>
        <translation>메뉴를 눌러 담아 주세요</translation>
    </message>
    <message>
        <location filename="../qml/CartBar.qml" line="38" />
        <source>View order</source>
        <translation>주문 확인</translation>
    </message>
</context>
<context>
    <name>CartLine</name>
    <message>
        <location filename="../qml/CartLine.qml" line="32" />
        <source>Sold out. Please remove it.</source>
        <translation>품절되었습니다. 빼 주세요.</translation>
    </message>
</context>
<context>
    <name>CartPanel</name>
    <message>
        <location filename="../qml/CartPanel.qml" line="22" />
        <source>Your order</source>
        <translation>장바구니</translation>
    </message>
    <message>
        <location filename="../qml/CartPanel.qml" line="49" />
        <source>Tap a dish to add it here.</source>
        <translation>메뉴를 누르면 여기에 담깁니다.</translation>
    </message>
    <message>
        <location filename="../qml/CartPanel.qml" line="61" />
        <source>Total</source>
        <translation>합계</translation>
    </message>
    <message>
        <location filename="../qml/CartPanel.qml" line="80" />
        <source>Sending your order…</source>
        <translation>주문을 보내는 중…</translation>
    </message>
    <message>
        <location filename="../qml/CartPanel.qml" line="81" />
        <source>Order %1 items</source>
        <translation>%1개 주문하기</translation>
    </message>
    <message>
        <location filename="../qml/CartPanel.qml" line="82" />
        <source>Order</source>
        <translation>주문하기</translation>
    </message>
</context>
<context>
    <name>CartSheet</name>
    <message>
        <location filename="../qml/CartSheet.qml" line="22" />
        <source>Your order</source>
        <translation>장바구니</translation>
    </message>
    <message>
        <location filename="../qml/CartSheet.qml" line="23" />
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location filename="../qml/CartSheet.qml" line="36" />
        <source>Total</source>
        <translation>합계</translation>
    </message>
    <message>
        <location filename="../qml/CartSheet.qml" line="45" />
        <source>Order %1 items</source>
        <translation>%1개 주문하기</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <location filename="../qml/ConnectionBanner.qml" line="11" />
        <source>Offline: reconnecting…</source>
        <translation>연결 끊김: 다시 연결하는 중…</translation>
    </message>
    <message>
        <location filename="../qml/ConnectionBanner.qml" line="13" />
        <source>Next try in %1 s. Orders you place are kept and sent once, as soon as we are back.</source>
        <translation>%1초 후 다시 시도합니다. 주문은 보관했다가 연결되면 한 번만 보냅니다.</translation>
    </message>
    <message>
        <location filename="../qml/ConnectionBanner.qml" line="14" />
        <source>Orders you place are kept and sent once, as soon as we are back.</source>
        <translation>주문은 보관했다가 연결되면 한 번만 보냅니다.</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <location filename="../qml/Header.qml" line="28" />
        <source>Table %1</source>
        <translation>%1번 테이블</translation>
    </message>
    <message>
        <location filename="../qml/Header.qml" line="50" />
        <source>● Connected</source>
        <translation>● 연결됨</translation>
    </message>
    <message>
        <location filename="../qml/Header.qml" line="50" />
        <source>● Offline</source>
        <translation>● 연결 끊김</translation>
    </message>
    <message>
        <location filename="../qml/Header.qml" line="65" />
        <source>My orders (%1)</source>
        <translation>주문 내역 (%1)</translation>
    </message>
    <message>
        <location filename="../qml/Header.qml" line="65" />
        <source>My orders</source>
        <translation>주문 내역</translation>
    </message>
    <message>
        <location filename="../qml/Header.qml" line="81" />
        <source>Staff: set this tablet up again?</source>
        <translation>직원용: 이 태블릿을 다시 설정할까요?</translation>
    </message>
    <message>
        <location filename="../qml/Header.qml" line="89" />
        <source>The tablet forgets its table login and shows the setup screen.</source>
        <translation>테이블 로그인을 지우고 설정 화면으로 돌아갑니다.</translation>
    </message>
    <message>
        <location filename="../qml/Header.qml" line="97" />
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../qml/Header.qml" line="98" />
        <source>Set up again</source>
        <translation>다시 설정</translation>
    </message>
</context>
<context>
    <name>ItemCard</name>
    <message>
        <location filename="../qml/ItemCard.qml" line="62" />
        <location filename="../qml/ItemCard.qml" line="125" />
        <source>Sold out</source>
        <translation>품절</translation>
    </message>
    <message>
        <location filename="../qml/ItemCard.qml" line="125" />
        <source>+ Add</source>
        <translation>+ 담기</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="13" />
        <source>Table order</source>
        <translation>테이블 주문</translation>
    </message>
</context>
<context>
    <name>MenuScreen</name>
    <message>
        <location filename="../qml/MenuScreen.qml" line="72" />
        <source>Loading the menu…</source>
        <translation>메뉴를 불러오는 중…</translation>
    </message>
    <message>
        <location filename="../qml/MenuScreen.qml" line="88" />
        <source>Order #%1 received. Thank you!</source>
        <translation>주문 #%1 접수되었습니다. 감사합니다!</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <location filename="../qml/OrderDialog.qml" line="42" />
        <source>Check your order</source>
        <translation>주문을 확인해 주세요</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="59" />
        <source>Request for the kitchen (optional)</source>
        <translation>요청 사항 (선택)</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="60" />
        <source>e.g. less spicy, no onions</source>
        <translation>예: 덜 맵게, 양파 빼고</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="66" />
        <source>Total</source>
        <translation>합계</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="73" />
        <source>Back</source>
        <translation>돌아가기</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="82" />
        <source>Place order</source>
        <translation>주문하기</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="100" />
        <source>Connection problem. Retrying…</source>
        <translation>연결이 불안정합니다. 다시 시도 중…</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="101" />
        <source>Sending your order…</source>
        <translation>주문을 보내는 중…</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="109" />
        <source>Attempt %1. Next try in %2 s. Your order is kept and will be placed only once.</source>
        <translation>%1번째 시도. %2초 후 다시 보냅니다. 주문은 보관되며 한 번만 접수됩니다.</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="132" />
        <source>Order #%1 received</source>
        <translation>주문 #%1 접수 완료</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="144" />
        <source>OK</source>
        <translation>확인</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="153" />
        <source>The order was not placed</source>
        <translation>주문이 접수되지 않았습니다</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="161" />
        <source>Sold out just now: %1. Please remove it and order again.</source>
        <translation>방금 품절되었습니다: %1. 빼고 다시 주문해 주세요.</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="162" />
        <source>Please ask a member of staff. (%1)</source>
        <translation>직원을 불러 주세요. (%1)</translation>
    </message>
    <message>
        <location filename="../qml/OrderDialog.qml" line="168" />
        <source>Back to my order</source>
        <translation>장바구니로 돌아가기</translation>
    </message>
    <message>
        <source>Attempt %1. Trying again now. Your order is kept and will be placed only once.</source>
        <translation>%1번째 시도. 지금 다시 보내는 중입니다. 주문은 보관되며 한 번만 접수됩니다.</translation>
    </message>
    <message>
        <source>Order received. Waiting for the kitchen screen to confirm it…</source>
        <translation>주문 접수: 주방 화면의 확인을 기다리는 중입니다…</translation>
    </message>
    <message>
        <source>Kitchen confirmed: the kitchen has your order. Follow it under &quot;My orders&quot;.</source>
        <translation>주방 확인: 주방에서 주문을 받았습니다. &quot;주문 내역&quot;에서 확인하세요.</translation>
    </message>
</context>
<context>
    <name>OrdersSheet</name>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="18" />
        <source>Received</source>
        <translation>접수</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="19" />
        <source>Cooking</source>
        <translation>조리 중</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="20" />
        <source>Ready</source>
        <translation>완료</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="21" />
        <source>Canceled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="32" />
        <source>My orders</source>
        <translation>주문 내역</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="33" />
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="57" />
        <source>Order #%1</source>
        <translation>주문 #%1</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="106" />
        <source>No orders yet.</source>
        <translation>아직 주문이 없습니다.</translation>
    </message>
    <message>
        <location filename="../qml/OrdersSheet.qml" line="114" />
        <source>This visit so far</source>
        <translation>지금까지 합계</translation>
    </message>
</context>
<context>
    <name>SetupScreen</name>
    <message>
        <location filename="../qml/SetupScreen.qml" line="26" />
        <source>Set up this table's tablet</source>
        <translation>테이블 태블릿 설정</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="34" />
        <source>For staff. The tablet remembers this until it is set up again.</source>
        <translation>직원용 화면입니다. 다시 설정할 때까지 이 정보를 기억합니다.</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="44" />
        <source>Edge address</source>
        <translation>매장 서버 주소</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="52" />
        <source>Edge: %1</source>
        <translation>매장 서버: %1</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="63" />
        <source>Table number</source>
        <translation>테이블 번호</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="71" />
        <source>Table password</source>
        <translation>테이블 비밀번호</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="89" />
        <source>Connecting…</source>
        <translation>연결 중…</translation>
    </message>
    <message>
        <location filename="../qml/SetupScreen.qml" line="89" />
        <source>Start taking orders</source>
        <translation>주문 받기 시작</translation>
    </message>
</context>
<context>
    <name>tableorder::tablet::TabletController</name>
    <message>
        <location filename="../tabletcontroller.cpp" line="160" />
        <source>Enter the edge address, for example http://192.168.0.10:8080</source>
        <translation>매장 서버 주소를 입력하세요. 예: http://192.168.0.10:8080</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="162" />
        <source>Enter a table number from 1 to 9999</source>
        <translation>테이블 번호(1~9999)를 입력하세요</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="164" />
        <source>Enter the table's password</source>
        <translation>테이블 비밀번호를 입력하세요</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="170" />
        <source>Cannot reach the edge at %1</source>
        <translation>매장 서버(%1)에 연결할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="172" />
        <source>Wrong table number or password</source>
        <translation>테이블 번호 또는 비밀번호가 틀렸습니다</translation>
    </message>
    <message numerus="yes">
        <location filename="../tabletcontroller.cpp" line="174" />
        <source>Too many attempts; wait %n seconds</source>
        <translation><numerusform>시도가 너무 많습니다. %n초 후 다시 시도하세요</numerusform></translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="176" />
        <source>The edge refused: %1</source>
        <translation>매장 서버가 거부했습니다: %1</translation>
    </message>
    <message>
        <location filename="../tabletcontroller.cpp" line="202" />
        <source>This tablet's login is no longer valid. Staff: please set it up again.</source>
        <translation>이 태블릿의 로그인이 만료되었습니다. 직원이 다시 설정해 주세요.</translation>
    </message>
</context>
<context>
    <name>ClearCartButton</name>
    <message>
        <source>Empty cart</source>
        <translation>장바구니 비우기</translation>
    </message>
</context>
<context>
    <name>CartRestoreBar</name>
    <message>
        <source>Cart emptied.</source>
        <translation>장바구니를 비웠습니다.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>되돌리기</translation>
    </message>
</context>
</TS>