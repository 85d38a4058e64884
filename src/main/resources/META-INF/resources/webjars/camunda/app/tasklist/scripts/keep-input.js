// dangjian-flow: no lost input (issue 14, point 2). A Tasklist plugin script (config.js customScripts), an ES module
// that changes nothing in the webjar's bundle. It
//  - keeps a draft of what the clerk typed, per form, in sessionStorage (the browser tab's own storage, gone with the
//    tab): dangjian-draft:start:<dialog title and form> for the start dialog, dangjian-draft:task:<taskId> for a task;
//  - puts the draft back when form-js draws the form again (表单 → 历史 → 表单 redraws it empty; so does reopening the
//    start dialog), and says so (已恢复上次未提交的内容);
//  - lets Esc inside an open calendar close only the calendar (Tasklist's dialog would otherwise close on Esc and
//    take everything typed with it);
//  - asks before the start dialog closes with typed values (继续填写 / 关闭，保留草稿 / 放弃内容并关闭);
//  - forgets the draft once the server has accepted the submission.
// Nothing of what is submitted changes: the values are put back as if typed, and form-js validates them as usual.

const PREFIX = 'dangjian-draft:';
const SUBMIT = /\/(task|process-definition)\/([^/?]+)\/submit-form(\?|$)/;
const FIELDS = 'input:not([type=hidden]):not([type=file]), textarea, select';

/** The region a form lives in: the start dialog or the task's details. */
function regionOf(node) {
  return node && node.closest && node.closest('.modal-dialog, .task-details');
}

function fieldsOf(form) {
  return [...form.querySelectorAll(FIELDS)].filter(f => !f.closest('.flatpickr-calendar') && !f.closest('.dj-draft-note'));
}

/** A field's name within its form: its label (form-js labels each field) and its position, stable across redraws. */
function fieldKey(field, index) {
  const wrapper = field.closest('.fjs-form-field');
  const label = wrapper && wrapper.querySelector('label');
  return index + ':' + (label ? label.textContent.trim() : '') + ':' + (field.type === 'checkbox' || field.type === 'radio'
    ? field.value : '');
}

function taskIdFromUrl() {
  const match = /[?&]task=([^&#]+)/.exec(location.hash + location.search);
  return match ? decodeURIComponent(match[1]) : null;
}

/** The draft's key: the task's id, or the start dialog's title with its form's labels (one draft per process's form). */
function draftKey(region) {
  const form = region.querySelector('.fjs-form');
  if (!form) {
    return null;
  }
  if (region.matches('.modal-dialog')) {
    const title = region.querySelector('.modal-title, .modal-header h3');
    const labels = [...form.querySelectorAll('.fjs-form-field label')].map(l => l.textContent.trim()).join('|');
    return PREFIX + 'start:' + (title ? title.textContent.trim() : '') + ':' + labels;
  }
  const taskId = taskIdFromUrl();
  return taskId ? PREFIX + 'task:' + taskId : null;
}

function readDraft(key) {
  try {
    return JSON.parse(sessionStorage.getItem(key) || 'null');
  } catch (broken) {
    return null;
  }
}

/** What the clerk has typed in a form (empty fields left out). */
function typedValues(form) {
  const values = {};
  fieldsOf(form).forEach((field, index) => {
    if (field.type === 'checkbox' || field.type === 'radio') {
      if (field.checked) {
        values[fieldKey(field, index)] = true;
      }
    } else if (field.value !== '' && !field.readOnly) {
      values[fieldKey(field, index)] = field.value;
    }
  });
  return values;
}

// ---- saving

const restoring = new WeakSet();
const submitted = new Set();

function save(region) {
  const key = draftKey(region);
  if (!key || submitted.has(key) || restoring.has(region)) {
    return;
  }
  const form = region.querySelector('.fjs-form');
  if (!form) {
    return;
  }
  const values = typedValues(form);
  if (Object.keys(values).length) {
    sessionStorage.setItem(key, JSON.stringify(values));
  } else {
    sessionStorage.removeItem(key);
  }
}

for (const type of ['input', 'change', 'focusout']) {
  document.addEventListener(type, event => {
    const region = regionOf(event.target);
    if (region && event.target.closest('.fjs-form')) {
      // after form-js and flatpickr have seen the event
      setTimeout(() => save(region), 0);
    }
  }, true);
}

// ---- restoring

const valueSetter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
const textSetter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;

/** Sets a value as typing would: form-js listens to input events (debounced) and takes the value on blur. */
function typeInto(field, value) {
  if (field.tagName === 'SELECT') {
    field.value = value;
    field.dispatchEvent(new Event('change', {bubbles: true}));
    return;
  }
  if (field.type === 'checkbox' || field.type === 'radio') {
    if (!field.checked) {
      field.click();
    }
    return;
  }
  const picker = field._flatpickr;
  if (picker) {
    // flatpickr's onChange is what tells form-js of a date
    picker.setDate(value, true, picker.config.dateFormat);
    return;
  }
  (field.tagName === 'TEXTAREA' ? textSetter : valueSetter).call(field, value);
  field.dispatchEvent(new Event('input', {bubbles: true}));
  setTimeout(() => {
    field.dispatchEvent(new Event('blur'));
    field.dispatchEvent(new FocusEvent('focusout', {bubbles: true}));
  }, 50);
}

/** One pass: every empty field the draft has a value for; date fields whose calendar is not attached yet wait. */
function restorePass(form, draft) {
  let restored = 0;
  let waiting = 0;
  fieldsOf(form).forEach((field, index) => {
    const value = draft[fieldKey(field, index)];
    if (value === undefined || field.disabled) {
      return;
    }
    const empty = field.type === 'checkbox' || field.type === 'radio' ? !field.checked : field.value === '';
    if (!empty) {
      return;
    }
    const dateLike = field.closest('.fjs-form-field-datetime, .fjs-form-field-date');
    if (dateLike && !(field._flatpickr && field._flatpickr.config && field._flatpickr.config.onChange)) {
      waiting++;
      return;
    }
    typeInto(field, value);
    restored++;
  });
  return {restored, waiting};
}

function note(region, form) {
  if (region.querySelector('.dj-draft-note')) {
    return;
  }
  const box = document.createElement('div');
  box.className = 'dj-draft-note';
  box.setAttribute('role', 'status');
  box.textContent = '已恢复上次未提交的内容';
  form.parentNode.insertBefore(box, form);
}

const seenForms = new WeakSet();

function restore(region) {
  const form = region.querySelector('.fjs-form');
  if (!form || seenForms.has(form) || !fieldsOf(form).length) {
    return;
  }
  seenForms.add(form);
  const key = draftKey(region);
  const draft = key && readDraft(key);
  if (!draft || !Object.keys(draft).length) {
    return;
  }
  restoring.add(region);
  let total = 0;
  const pass = (left) => {
    if (!form.isConnected) {
      restoring.delete(region);
      return;
    }
    const {restored, waiting} = restorePass(form, draft);
    total += restored;
    if (total > 0) {
      note(region, form);
    }
    if (left > 0) {
      // more passes for about three seconds: flatpickr is attached late, and form-js redraws the task form once its
      // variables have loaded, emptying what an earlier pass set before form-js had taken it
      setTimeout(() => pass(left - 1), 300);
    } else {
      setTimeout(() => {
        restoring.delete(region);
        save(region);
      }, 100);
    }
  };
  setTimeout(() => pass(10), 50);
}

new MutationObserver(() => {
  for (const region of document.querySelectorAll('.modal-dialog, .task-details')) {
    restore(region);
  }
}).observe(document.documentElement, {childList: true, subtree: true});

// ---- Esc inside a calendar closes the calendar only

function openCalendarInput() {
  for (const input of document.querySelectorAll('.fjs-form input')) {
    if (input._flatpickr && input._flatpickr.isOpen) {
      return input;
    }
  }
  return null;
}

// ---- asking before the start dialog closes

function closesDialog(target) {
  const button = target.closest && target.closest('button, a');
  // a notice's × inside the dialog (Tasklist's notifications, our refusal boxes) closes the notice, not the dialog
  if (!button || !button.closest('.modal-dialog') || button.closest('.dj-draft-question, .notifications, .dj-refusal, .dj-started')) {
    return null;
  }
  if (button.matches('.modal-header .close, [ng-click="$dismiss()"], [ng-click="$close()"]')) {
    return button;
  }
  const text = button.textContent.trim();
  return button.closest('.modal-footer') && /^(关闭|取消|Close|Cancel)$/.test(text) ? button : null;
}

function startDialog() {
  const dialogs = [...document.querySelectorAll('.modal-dialog')].filter(d => d.querySelector('.fjs-form'));
  return dialogs.length ? dialogs[dialogs.length - 1] : null;
}

let allowClose = false;

function ask(dialog, close) {
  if (dialog.querySelector('.dj-draft-question')) {
    return;
  }
  const key = draftKey(dialog);
  const box = document.createElement('div');
  box.className = 'dj-draft-question';
  box.setAttribute('role', 'alertdialog');
  const text = document.createElement('p');
  text.textContent = '表单中有尚未提交的内容。要关闭吗？';
  box.appendChild(text);
  const choice = (label, className, action) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'btn ' + className;
    button.textContent = label;
    button.addEventListener('click', () => {
      box.remove();
      action();
    });
    box.appendChild(button);
  };
  choice('继续填写', 'btn-primary dj-draft-continue', () => {
    const first = fieldsOf(dialog.querySelector('.fjs-form'))[0];
    if (first) {
      first.focus();
    }
  });
  choice('关闭，保留草稿', 'btn-default dj-draft-keep', () => {
    save(dialog);
    allowClose = true;
    close();
    allowClose = false;
  });
  choice('放弃内容并关闭', 'btn-danger dj-draft-discard', () => {
    if (key) {
      submitted.add(key);
      sessionStorage.removeItem(key);
      setTimeout(() => submitted.delete(key), 1000);
    }
    allowClose = true;
    close();
    allowClose = false;
  });
  const body = dialog.querySelector('.modal-body') || dialog;
  body.insertBefore(box, body.firstChild);
  box.querySelector('button').focus();
}

function holdsTypedValues(dialog) {
  const form = dialog.querySelector('.fjs-form');
  return form && Object.keys(typedValues(form)).length > 0;
}

document.addEventListener('keydown', event => {
  if (event.key !== 'Escape' && event.key !== 'Esc') {
    return;
  }
  const input = openCalendarInput();
  if (input) {
    // the calendar only: take the date typed so far, as leaving the field would
    event.stopImmediatePropagation();
    event.preventDefault();
    const picker = input._flatpickr;
    if (input.value) {
      picker.setDate(input.value, true, picker.config.dateFormat);
    }
    picker.close();
    return;
  }
  const dialog = startDialog();
  if (dialog && !allowClose && holdsTypedValues(dialog)) {
    event.stopImmediatePropagation();
    event.preventDefault();
    const question = dialog.querySelector('.dj-draft-question');
    if (question) {
      question.remove();
      return;
    }
    ask(dialog, () => {
      const close = dialog.querySelector('.modal-header .close, [ng-click="$dismiss()"]');
      if (close) {
        close.click();
      }
    });
  }
}, true);

document.addEventListener('click', event => {
  if (allowClose) {
    return;
  }
  const button = closesDialog(event.target);
  const dialog = button && button.closest('.modal-dialog');
  if (dialog && dialog.querySelector('.fjs-form') && holdsTypedValues(dialog)) {
    event.stopImmediatePropagation();
    event.preventDefault();
    ask(dialog, () => button.click());
  }
}, true);

// a click on the backdrop closes Tasklist's dialog too
document.addEventListener('mousedown', event => {
  if (allowClose || !event.target.matches || !event.target.matches('.modal')) {
    return;
  }
  const dialog = event.target.querySelector('.modal-dialog');
  if (dialog && dialog.querySelector('.fjs-form') && holdsTypedValues(dialog)) {
    event.stopImmediatePropagation();
    event.preventDefault();
    ask(dialog, () => {
      const close = dialog.querySelector('.modal-header .close, [ng-click="$dismiss()"]');
      if (close) {
        close.click();
      }
    });
  }
}, true);

// ---- a submission the server accepted: its draft is gone

let pendingKey = null;
document.addEventListener('click', event => {
  const button = event.target.closest && event.target.closest(
    'button[ng-click="complete()"], button[ng-click="startProcessInstance()"]');
  const region = button && regionOf(button);
  pendingKey = region ? draftKey(region) : pendingKey;
}, true);

const xhrOpen = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url) {
  this.dangjianDraftUrl = String(url);
  return xhrOpen.apply(this, arguments);
};
const xhrSend = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.send = function () {
  const submission = SUBMIT.exec(this.dangjianDraftUrl || '');
  if (submission) {
    const key = submission[1] === 'task' ? PREFIX + 'task:' + decodeURIComponent(submission[2]) : pendingKey;
    this.addEventListener('loadend', () => {
      if (key && this.status >= 200 && this.status < 300) {
        submitted.add(key);
        sessionStorage.removeItem(key);
        // the next start of the same process has a draft of its own again
        setTimeout(() => submitted.delete(key), 2000);
      }
    });
  }
  return xhrSend.apply(this, arguments);
};

// a plugin script without plugins of its own: it only watches the page
export default [];
