// dangjian-flow: the welcome page links only the pages of ours this user may use (config.js lists them all). A
// welcome-app plugin script (config.js customScripts), an ES module that changes nothing in the webjar's bundle: it
// asks GET /api/pages (with the welcome page's login) and marks the allowed links; styles/user-styles.css hides the
// others. The pages' APIs still refuse a user without the right, whatever the page shows.

let asking = null;

async function allowedPages() {
  try {
    const response = await fetch('/api/pages', {headers: {'Accept': 'application/json'}, credentials: 'same-origin'});
    if (!response.ok) {
      return null;
    }
    return new Set((await response.json()).map(page => page.href));
  } catch (unreachable) {
    return null;
  }
}

function ourLinks(root) {
  return [...root.querySelectorAll('.custom-link-wrapper')].filter(wrapper => {
    const link = wrapper.querySelector(':scope > a');
    const href = link && link.getAttribute('href');
    return href && href.startsWith('/') && href.endsWith('.html') && !wrapper.dataset.djChecked;
  });
}

function mark() {
  const waiting = ourLinks(document);
  if (waiting.length === 0 || asking) {
    return;
  }
  asking = allowedPages().then(allowed => {
    for (const wrapper of ourLinks(document)) {
      const href = wrapper.querySelector(':scope > a').getAttribute('href');
      wrapper.dataset.djChecked = 'true';
      // the server could not be asked: show the link, the page's API decides
      if (allowed === null || allowed.has(href)) {
        wrapper.classList.add('dj-allowed');
      }
    }
  }).finally(() => {
    asking = null;
    mark();
  });
}

new MutationObserver(mark).observe(document.documentElement, {childList: true, subtree: true});
mark();

// a plugin script without plugins of its own: it only watches the page
export default [];
