// dangjian-flow: Chinese for the few texts Cockpit writes into its templates instead of taking them from
// locales/zh.json (issue 14, point 7). A Cockpit plugin script (config.js customScripts), an ES module that changes
// nothing in the webjar's bundle: it watches the page and puts the Chinese text on what it finds.

// the diagram's zoom buttons carry English tooltips ("zoom in", "zoom out", "reset zoom")
const TITLES = {
  'zoomIn()': '放大',
  'zoomOut()': '缩小',
  'resetZoom()': '恢复原始大小'
};

// written into the templates: the variables table's "Actions" heading and its type names, "null" for a value not set
const TYPES = {Boolean: '布尔型', Date: '日期', Double: '双精度浮点型', Integer: '整型', Long: '长整型', Short: '短整型',
  String: '字符串', Object: '对象', Json: 'JSON', Xml: 'XML', Bytes: '字节', File: '文件', Null: '空值'};
const TEXTS = {
  'thead td.actions': {Actions: '操作'},
  'div[ng-switch-when="type"]': TYPES,
  'span.null-value': {null: '无'}
};

function translate(root) {
  for (const [selector, texts] of Object.entries(TEXTS)) {
    for (const cell of root.querySelectorAll(selector)) {
      const shown = cell.textContent.trim();
      if (Object.hasOwn(texts, shown)) {
        cell.textContent = texts[shown];
      }
    }
  }
  for (const [click, title] of Object.entries(TITLES)) {
    for (const button of root.querySelectorAll(`button[ng-click="${click}"]`)) {
      if (button.getAttribute('title') !== title) {
        button.setAttribute('title', title);
      }
    }
  }
}

new MutationObserver(() => translate(document)).observe(document.documentElement, {childList: true, subtree: true});
translate(document);

// a plugin script without plugins of its own: it only watches the page
export default [];
