// HQ accounts (issue 17): admins invite people, set their role and stores, disable them and
// reset passwords; the HQ audit log of who did what. Also the page an invitation link opens
// (#/invite/TOKEN), where the invited person chooses a password. Uses app.js's api/esc/state;
// app.js only routes.
'use strict';

const Users = (() => {
  const ROLES = ['hq_admin', 'store_manager', 'store_viewer'];
  const roleName = r => t('users.role.' + r);
  const statusBadge = s => `<span class="badge ${s === 'active' ? 'ok' : s === 'invited' ? 'warn' : 'bad'}">${esc(t('users.status.' + s))}</span>`;
  const fmtTime = iso => iso ? new Date(iso).toLocaleString(LANG === 'ko' ? 'ko-KR' : 'en-GB') : '—';

  // Menu entries only admins can use are hidden from the others (the API refuses them anyway).
  function applyRole() {
    document.querySelectorAll('[data-admin-only]').forEach(el => { el.hidden = state.role !== 'hq_admin'; });
  }

  function storeChecks(stores, chosen, name) {
    return stores.map(s => `<label class="store-check"><input type="checkbox" name="${name}" value="${esc(s.id)}" ${chosen.includes(s.id) ? 'checked' : ''}> ${esc(s.name)}</label>`).join(' ');
  }
  function roleSelect(name, current) {
    return `<select name="${name}">${ROLES.map(r => `<option value="${r}" ${r === current ? 'selected' : ''}>${esc(roleName(r))}</option>`).join('')}</select>`;
  }
  function chosenStores(form, name) {
    return [...form.querySelectorAll(`input[name="${name}"]:checked`)].map(i => Number(i.value));
  }
  // The one-time link: shown once, right after it was made; only its hash is kept at HQ.
  function showInvitation(box, body) {
    const link = location.origin + '/#/invite/' + encodeURIComponent(body.invitation.token);
    box.hidden = false;
    box.innerHTML = `<h2>${esc(t('users.linkTitle'))}: ${esc(body.user.username)}</h2>
      <p class="muted">${esc(t('users.linkHint'))} (${esc(fmtTime(body.invitation.expires_at))})</p>
      <input id="invite-link" readonly value="${esc(link)}" class="wide-input">`;
    const input = document.getElementById('invite-link');
    input.addEventListener('focus', () => input.select());
  }

  async function render() {
    const [{ users }, stores, { entries }] = await Promise.all([api('/api/v1/users'), loadStores(), api('/api/v1/hq-audit?limit=50')]);
    app.innerHTML = `<h1>${esc(t('users.title'))}</h1>
      <div class="card" id="invite-result" hidden></div>
      <div class="card"><h2>${esc(t('users.invite'))}</h2>
        <form id="invite-form" class="row">
          <input name="username" required maxlength="64" placeholder="${esc(t('users.username'))}">
          ${roleSelect('role', 'store_viewer')}
          <span id="invite-stores"></span>
          <button type="submit">${esc(t('users.inviteButton'))}</button>
        </form><div class="error" id="users-error"></div></div>
      <div class="card"><table id="users-table"></table></div>
      <div class="card"><h2>${esc(t('users.audit'))}</h2><table id="hq-audit"></table></div>`;
    const storeName = id => (stores.find(s => s.id === id) || { name: '#' + id }).name;
    const error = document.getElementById('users-error');
    const failed = err => { error.textContent = err.message; };
    document.getElementById('invite-stores').innerHTML = storeChecks(stores, [], 'invite-store');
    const inviteForm = document.getElementById('invite-form');
    const syncStores = () => { document.getElementById('invite-stores').hidden = inviteForm.role.value === 'hq_admin'; };
    inviteForm.role.addEventListener('change', syncStores);
    syncStores();
    inviteForm.addEventListener('submit', async e => {
      e.preventDefault();
      const role = inviteForm.role.value;
      try {
        const body = await api('/api/v1/users', { method: 'POST', body: { username: inviteForm.username.value.trim(), role,
          store_ids: role === 'hq_admin' ? [] : chosenStores(inviteForm, 'invite-store') } });
        await render();
        showInvitation(document.getElementById('invite-result'), body);
      } catch (err) { failed(err); }
    });

    const table = document.getElementById('users-table');
    table.innerHTML = `<tr><th>${esc(t('users.username'))}</th><th>${esc(t('users.role'))}</th><th>${esc(t('users.stores'))}</th>
      <th>${esc(t('users.status'))}</th><th>${esc(t('users.created'))}</th><th></th></tr>` +
      users.map(u => `<tr class="user-row" data-user="${esc(u.id)}" data-username="${esc(u.username)}">
        <td>${esc(u.username)}</td><td>${esc(roleName(u.role))}</td>
        <td>${u.role === 'hq_admin' ? esc(t('common.all')) : u.store_ids.map(id => esc(storeName(id))).join(', ')}</td>
        <td>${statusBadge(u.status)}</td><td class="muted">${esc(fmtTime(u.created_at))}</td>
        <td class="actions">${u.username === state.username
          // The API refuses an admin's changes to their own account: no buttons that would fail.
          ? `<span class="muted">${esc(t('users.self'))}</span>`
          : `<button type="button" class="secondary" data-act="edit">${esc(t('users.edit'))}</button>
          <button type="button" class="secondary" data-act="${u.status === 'disabled' ? 'enable' : 'disable'}">${esc(t(u.status === 'disabled' ? 'users.enable' : 'users.disable'))}</button>
          <button type="button" class="secondary" data-act="reset">${esc(t('users.reset'))}</button>`}</td></tr>`).join('');
    table.querySelectorAll('.user-row').forEach(row => {
      const id = Number(row.dataset.user);
      const user = users.find(u => u.id === id);
      if (!row.querySelector('[data-act=edit]'))
        return; // the signed-in admin's own row
      row.querySelector('[data-act=edit]').addEventListener('click', () => {
        const form = document.createElement('tr');
        form.className = 'user-edit';
        form.innerHTML = `<td colspan="6"><form class="row">${roleSelect('role', user.role)} <span class="edit-stores">${storeChecks(stores, user.store_ids, 'edit-store')}</span>
          <button type="submit">${esc(t('users.save'))}</button></form></td>`;
        row.after(form);
        const f = form.querySelector('form');
        const sync = () => { f.querySelector('.edit-stores').hidden = f.role.value === 'hq_admin'; };
        f.role.addEventListener('change', sync); sync();
        f.addEventListener('submit', async e => {
          e.preventDefault();
          try {
            await api(`/api/v1/users/${id}`, { method: 'PUT', body: { role: f.role.value,
              store_ids: f.role.value === 'hq_admin' ? [] : chosenStores(f, 'edit-store') } });
            await render();
          } catch (err) { failed(err); }
        });
      });
      for (const act of ['disable', 'enable']) {
        const button = row.querySelector(`[data-act=${act}]`);
        if (button) button.addEventListener('click', async () => {
          try { await api(`/api/v1/users/${id}/${act}`, { method: 'POST' }); await render(); } catch (err) { failed(err); }
        });
      }
      row.querySelector('[data-act=reset]').addEventListener('click', async () => {
        if (!confirm(t('users.resetConfirm').replace('{name}', user.username))) return;
        try {
          const body = await api(`/api/v1/users/${id}/reset-password`, { method: 'POST' });
          await render();
          showInvitation(document.getElementById('invite-result'), body);
        } catch (err) { failed(err); }
      });
    });

    document.getElementById('hq-audit').innerHTML = `<tr><th>${esc(t('audit.at'))}</th><th>${esc(t('users.actor'))}</th>
      <th>${esc(t('audit.action'))}</th><th>${esc(t('users.target'))}</th><th>${esc(t('audit.detail'))}</th></tr>` +
      (entries.length ? entries.map(e => `<tr class="hq-audit-row"><td class="muted">${esc(fmtTime(e.at))}</td><td>${esc(e.actor.username)}</td>
        <td>${esc(t('hqaction.' + e.action))}</td><td>${esc(e.target.name)}</td><td>${esc(auditDetail(e, storeName))}</td></tr>`).join('')
        : `<tr><td colspan="5" class="muted">${esc(t('audit.none'))}</td></tr>`);
  }

  function auditDetail(e, storeName) {
    const d = e.details || {};
    const who = x => x ? roleName(x.role) + (x.store_ids && x.store_ids.length ? ' (' + x.store_ids.map(storeName).join(', ') + ')' : '') : '';
    if (e.action === 'user.invited') return who(d);
    if (e.action === 'user.role_changed') return who(d.from) + ' → ' + who(d.to);
    if (e.action === 'store.updated') return Object.entries(d.changes || {}).map(([k, v]) => `${t('settings.' + k)}: ${v.from} → ${v.to}`).join(', ');
    return '';
  }

  // #/invite/TOKEN: no login; the token goes to the API in a request body, never in a URL
  // the server sees (the part after # stays in the browser).
  function renderAccept(token) {
    document.getElementById('top').hidden = true;
    app.innerHTML = `<div class="card login"><h1>${esc(t('invite.title'))}</h1>
      <form id="accept"><input name="password" type="password" autocomplete="new-password" placeholder="${esc(t('invite.password'))}" required>
      <input name="again" type="password" autocomplete="new-password" placeholder="${esc(t('invite.again'))}" required>
      <div class="error" id="accept-error"></div><button type="submit">${esc(t('invite.submit'))}</button></form></div>`;
    document.getElementById('accept').addEventListener('submit', async e => {
      e.preventDefault();
      const f = e.target;
      const error = document.getElementById('accept-error');
      if (f.password.value !== f.again.value) { error.textContent = t('invite.mismatch'); return; }
      const response = await fetch('/api/v1/invitations/accept', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token: decodeURIComponent(token), password: f.password.value }) });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) { error.textContent = response.status === 404 ? t('invite.expired') : ((body.error && body.error.message) || response.statusText); return; }
      app.innerHTML = `<div class="card login" id="accepted"><h1>${esc(t('invite.done'))}</h1><p>${esc(body.username)}</p>
        <a class="button" href="#/login">${esc(t('login.submit'))}</a></div>`;
    });
  }

  return { render, renderAccept, applyRole };
})();
