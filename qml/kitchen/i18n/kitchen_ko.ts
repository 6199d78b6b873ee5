<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>AllDayPanel</name>
    <message>
        <location filename="../qml/AllDayPanel.qml" line="17" />
        <source>All day</source>
        <translation>진행 중 합계</translation>
    </message>
    <message>
        <location filename="../qml/AllDayPanel.qml" line="37" />
        <source>Nothing cooking</source>
        <translation>조리 중인 메뉴 없음</translation>
    </message>
</context>
<context>
    <name>Board</name>
    <message>
        <location filename="../qml/Board.qml" line="23" />
        <source>New</source>
        <translation>신규</translation>
    </message>
    <message>
        <location filename="../qml/Board.qml" line="33" />
        <source>Preparing</source>
        <translation>조리 중</translation>
    </message>
    <message>
        <location filename="../qml/Board.qml" line="43" />
        <source>Done</source>
        <translation>완료</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../qml/LoginScreen.qml" line="25" />
        <source>Kitchen display</source>
        <translation>주방 화면</translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="31" />
        <source>Log in with a kitchen or manager account.</source>
        <translation>주방 또는 매니저 계정으로 로그인하세요.</translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="42" />
        <source>Edge address</source>
        <translation>매장 서버 주소</translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="52" />
        <source>User name</source>
        <translation>아이디</translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="60" />
        <source>Password</source>
        <translation>비밀번호</translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="77" />
        <source>Logging in…</source>
        <translation>로그인 중…</translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="77" />
        <source>Log in</source>
        <translation>로그인</translation>
    </message>
    <message>
        <source>Edge address, or a pairing link from the manager screen</source>
        <translation>매장 서버 주소 또는 매니저 화면의 연결 링크</translation>
    </message>
    <message>
        <source>Not a usable pairing link: %1</source>
        <translation>쓸 수 없는 연결 링크입니다: %1</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="13" />
        <source>Kitchen display</source>
        <translation>주방 화면</translation>
    </message>
</context>
<context>
    <name>MenuPage</name>
    <message>
        <location filename="../qml/MenuPage.qml" line="14" />
        <source>Kitchen</source>
        <translation>주방</translation>
    </message>
    <message>
        <location filename="../qml/MenuPage.qml" line="15" />
        <source>Bar</source>
        <translation>바</translation>
    </message>
    <message>
        <location filename="../qml/MenuPage.qml" line="16" />
        <source>Dessert</source>
        <translation>디저트</translation>
    </message>
    <message>
        <location filename="../qml/MenuPage.qml" line="40" />
        <source>Station:</source>
        <translation>담당:</translation>
    </message>
    <message>
        <location filename="../qml/MenuPage.qml" line="83" />
        <source>Available</source>
        <translation>판매 중</translation>
    </message>
    <message>
        <location filename="../qml/MenuPage.qml" line="83" />
        <source>SOLD OUT</source>
        <translation>품절</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../qml/Shell.qml" line="26" />
        <source>OFFLINE: reconnecting…</source>
        <translation>연결 끊김: 다시 연결하는 중…</translation>
    </message>
    <message>
        <location filename="../qml/Shell.qml" line="28" />
        <source>Next try in %1 s. The board may be out of date; taps are kept and sent when back.</source>
        <translation>%1초 후 다시 시도합니다. 화면이 최신이 아닐 수 있습니다. 누른 내용은 연결되면 보냅니다.</translation>
    </message>
    <message>
        <location filename="../qml/Shell.qml" line="29" />
        <source>The board may be out of date; taps are kept and sent when back.</source>
        <translation>화면이 최신이 아닐 수 있습니다. 누른 내용은 연결되면 보냅니다.</translation>
    </message>
    <message>
        <location filename="../qml/Shell.qml" line="43" />
        <source>⚠ Order #%1 (table %2) was not confirmed by any kitchen screen within %3 s. Check that it is being made.</source>
        <translation>⚠ 주문 #%1 (%2번 테이블)이 %3초 동안 어느 주방 화면에서도 확인되지 않았습니다. 조리 중인지 확인하세요.</translation>
    </message>
    <message>
        <location filename="../qml/Shell.qml" line="52" />
        <source>Seen</source>
        <translation>확인</translation>
    </message>
</context>
<context>
    <name>TablesPage</name>
    <message>
        <location filename="../qml/TablesPage.qml" line="17" />
        <source>New</source>
        <translation>신규</translation>
    </message>
    <message>
        <location filename="../qml/TablesPage.qml" line="18" />
        <source>Preparing</source>
        <translation>조리 중</translation>
    </message>
    <message>
        <location filename="../qml/TablesPage.qml" line="19" />
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <location filename="../qml/TablesPage.qml" line="20" />
        <source>Canceled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <location filename="../qml/TablesPage.qml" line="41" />
        <source>Tables</source>
        <translation>테이블</translation>
    </message>
    <message>
        <location filename="../qml/TablesPage.qml" line="43" />
        <source>%1 of %2 occupied</source>
        <translation>%2개 중 %1개 사용 중</translation>
    </message>
    <message>
        <location filename="../qml/TablesPage.qml" line="48" />
        <source>Refresh</source>
        <translation>새로고침</translation>
    </message>
    <message>
        <location filename="../qml/TablesPage.qml" line="83" />
        <source>Seated</source>
        <translation>사용 중</translation>
    </message>
    <message>
        <location filename="../qml/TablesPage.qml" line="83" />
        <source>Free</source>
        <translation>빈 테이블</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/TablesPage.qml" line="97" />
        <source>%n order(s) · since %1</source>
        <translation><numerusform>주문 %n건 · %1부터</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/TablesPage.qml" line="97" />
        <source>No guests</source>
        <translation>손님 없음</translation>
    </message>
    <message>
        <location filename="../qml/TablesPage.qml" line="119" />
        <source>Tap a table to see its orders</source>
        <translation>테이블을 누르면 주문이 보입니다</translation>
    </message>
    <message>
        <location filename="../qml/TablesPage.qml" line="131" />
        <source>Table %1</source>
        <translation>%1번 테이블</translation>
    </message>
    <message>
        <location filename="../qml/TablesPage.qml" line="152" />
        <source>Guests paid: close the table</source>
        <translation>계산 완료: 테이블 정리</translation>
    </message>
    <message>
        <location filename="../qml/TablesPage.qml" line="152" />
        <source>Table is free</source>
        <translation>빈 테이블입니다</translation>
    </message>
    <message>
        <location filename="../qml/TablesPage.qml" line="160" />
        <source>This visit (%1)</source>
        <translation>현재 손님 (%1)</translation>
    </message>
    <message>
        <location filename="../qml/TablesPage.qml" line="160" />
        <source>History (%1)</source>
        <translation>지난 기록 (%1)</translation>
    </message>
    <message>
        <location filename="../qml/TablesPage.qml" line="211" />
        <source>No orders</source>
        <translation>주문 없음</translation>
    </message>
    <message>
        <location filename="../qml/TablesPage.qml" line="231" />
        <source>Close table %1?</source>
        <translation>%1번 테이블을 정리할까요?</translation>
    </message>
    <message>
        <location filename="../qml/TablesPage.qml" line="235" />
        <source>Its orders move to the history and its tablet starts fresh for the next guests. Orders still cooking stay on the board.</source>
        <translation>주문은 지난 기록으로 옮겨지고 태블릿은 다음 손님을 위해 초기화됩니다. 조리 중인 주문은 화면에 남습니다.</translation>
    </message>
    <message>
        <location filename="../qml/TablesPage.qml" line="240" />
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../qml/TablesPage.qml" line="243" />
        <source>Close table</source>
        <translation>테이블 정리</translation>
    </message>
    <message>
        <source>Pair a tablet with this table (QR)</source>
        <translation>이 테이블에 태블릿 연결 (QR)</translation>
    </message>
</context>
<context>
    <name>Ticket</name>
    <message>
        <location filename="../qml/Ticket.qml" line="58" />
        <source>T%1</source>
        <translation>%1번</translation>
    </message>
    <message>
        <location filename="../qml/Ticket.qml" line="173" />
        <source>Start ▶</source>
        <translation>조리 시작 ▶</translation>
    </message>
    <message>
        <location filename="../qml/Ticket.qml" line="173" />
        <source>Done ✓</source>
        <translation>완료 ✓</translation>
    </message>
</context>
<context>
    <name>TicketColumn</name>
    <message>
        <location filename="../qml/TicketColumn.qml" line="73" />
        <source>No tickets</source>
        <translation>주문 없음</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../qml/TopBar.qml" line="15" />
        <source>Kitchen</source>
        <translation>주방</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="16" />
        <source>Bar</source>
        <translation>바</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="17" />
        <source>Dessert</source>
        <translation>디저트</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="36" />
        <source>Tickets</source>
        <translation>주문</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="36" />
        <source>Tables</source>
        <translation>테이블</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="36" />
        <source>Menu</source>
        <translation>메뉴</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="46" />
        <source>Stations</source>
        <translation>담당</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="66" />
        <source>(all)</source>
        <translation>(전체)</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="76" />
        <source>● Live</source>
        <translation>● 연결됨</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="76" />
        <source>● Offline</source>
        <translation>● 연결 끊김</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="99" />
        <source>Log out (%1)</source>
        <translation>로그아웃 (%1)</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="116" />
        <source>Log out of this screen?</source>
        <translation>이 화면에서 로그아웃할까요?</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="123" />
        <source>Stay</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="124" />
        <source>Log out</source>
        <translation>로그아웃</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <location filename="../qml/UndoBar.qml" line="38" />
        <source>Undo</source>
        <translation>되돌리기</translation>
    </message>
</context>
<context>
    <name>tableorder::kitchen::KitchenController</name>
    <message>
        <location filename="../kitchencontroller.cpp" line="116" />
        <source>Enter the edge address, for example http://192.168.0.10:8080</source>
        <translation>매장 서버 주소를 입력하세요. 예: http://192.168.0.10:8080</translation>
    </message>
    <message>
        <location filename="../kitchencontroller.cpp" line="118" />
        <source>Enter your user name and password</source>
        <translation>아이디와 비밀번호를 입력하세요</translation>
    </message>
    <message>
        <location filename="../kitchencontroller.cpp" line="124" />
        <source>Cannot reach the edge at %1</source>
        <translation>매장 서버(%1)에 연결할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../kitchencontroller.cpp" line="126" />
        <source>Wrong user name or password</source>
        <translation>아이디 또는 비밀번호가 틀렸습니다</translation>
    </message>
    <message numerus="yes">
        <location filename="../kitchencontroller.cpp" line="128" />
        <source>Too many attempts; wait %n seconds</source>
        <translation><numerusform>시도가 너무 많습니다. %n초 후 다시 시도하세요</numerusform></translation>
    </message>
    <message>
        <location filename="../kitchencontroller.cpp" line="130" />
        <source>The edge refused: %1</source>
        <translation>매장 서버가 거부했습니다: %1</translation>
    </message>
    <message>
        <location filename="../kitchencontroller.cpp" line="157" />
        <source>Your login has expired. Please log in again.</source>
        <translation>로그인이 만료되었습니다. 다시 로그인하세요.</translation>
    </message>
    <message>
        <location filename="../kitchencontroller.cpp" line="277" />
        <source>Order #%1 (table %2) was canceled</source>
        <translation>주문 #%1 (%2번 테이블)이 취소되었습니다</translation>
    </message>
    <message>
        <location filename="../kitchencontroller.cpp" line="392" />
        <source>Order #%1 could not be changed: %2</source>
        <translation>주문 #%1을 바꾸지 못했습니다: %2</translation>
    </message>
    <message>
        <location filename="../kitchencontroller.cpp" line="478" />
        <source>Could not change the item: %1</source>
        <translation>메뉴를 바꾸지 못했습니다: %1</translation>
    </message>
    <message>
        <location filename="../kitchencontroller.cpp" line="478" />
        <location filename="../kitchencontroller.cpp" line="488" />
        <location filename="../kitchencontroller.cpp" line="556" />
        <source>no connection</source>
        <translation>연결 없음</translation>
    </message>
    <message>
        <location filename="../kitchencontroller.cpp" line="488" />
        <source>Could not change the station: %1</source>
        <translation>담당을 바꾸지 못했습니다: %1</translation>
    </message>
    <message>
        <location filename="../kitchencontroller.cpp" line="554" />
        <source>Table %1 is free again</source>
        <translation>%1번 테이블을 정리했습니다</translation>
    </message>
    <message>
        <location filename="../kitchencontroller.cpp" line="556" />
        <source>Could not close the table: %1</source>
        <translation>테이블을 정리하지 못했습니다: %1</translation>
    </message>
    <message>
        <location filename="../kitchencontroller.cpp" line="606" />
        <source>#%1 started</source>
        <translation>#%1 조리 시작</translation>
    </message>
    <message>
        <location filename="../kitchencontroller.cpp" line="606" />
        <source>#%1 done</source>
        <translation>#%1 완료</translation>
    </message>
</context>
<context>
    <name>PairingDialog</name>
    <message>
        <source>Asking the edge for a code…</source>
        <translation>매장 서버에 코드를 요청하는 중…</translation>
    </message>
    <message>
        <source>This code has expired. Tap “New code”.</source>
        <translation>만료된 코드입니다. “새 코드”를 누르세요.</translation>
    </message>
    <message>
        <source>Pair a tablet with table %1</source>
        <translation>%1번 테이블에 태블릿 연결</translation>
    </message>
    <message>
        <source>On the tablet's setup screen, tap “Scan pairing QR” and hold it up to this code. The tablet joins this table; no password needed.</source>
        <translation>태블릿 설정 화면에서 “연결 QR 스캔”을 누르고 이 코드에 비추세요. 비밀번호 없이 이 테이블에 연결됩니다.</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>만료됨</translation>
    </message>
    <message>
        <source>Works once · %1 left</source>
        <translation>1회용 · %1 남음</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>코드</translation>
    </message>
    <message>
        <source>Edge</source>
        <translation>매장 서버</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>인증서</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>링크 복사</translation>
    </message>
    <message>
        <source>New code</source>
        <translation>새 코드</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Next table →</source>
        <translation>다음 테이블 →</translation>
    </message>
</context>
<context>
    <name>tableorder::kitchen::TablePairing</name>
    <message>
        <source>Cannot reach the edge: try again.</source>
        <translation>매장 서버에 연결할 수 없습니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The edge refused: %1</source>
        <translation>매장 서버가 거부했습니다: %1</translation>
    </message>
    <message>
        <source>The edge answers on this machine only (%1): tablets cannot reach it. Start it with --listen 0.0.0.0:PORT.</source>
        <translation>매장 서버가 이 컴퓨터에서만 응답합니다 (%1). 태블릿이 연결할 수 없으니 --listen 0.0.0.0:PORT 로 실행하세요.</translation>
    </message>
</context>
</TS>