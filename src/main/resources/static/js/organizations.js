// Our pages choose an organization by name (the value sent stays its id): fills a <select> with the organizations
// this user may see, from `url`; chooses the one named in the page's query (?organizationId= by default) or the
// only one there is. `words` names what is chosen (a committee, a working committee) in the placeholder.
async function chooseOrganization(select, url, words = {}) {
  const {param = 'organizationId', none = '（没有可查看的组织）', prompt = '请选择组织'} = words;
  const response = await fetch(url, {headers: {'Accept': 'application/json'}});
  const organizations = response.ok ? await response.json() : [];
  const placeholder = document.createElement('option');
  placeholder.value = '';
  placeholder.textContent = organizations.length === 0 ? none : prompt;
  select.replaceChildren(placeholder);
  for (const organization of organizations) {
    const option = document.createElement('option');
    option.value = organization.id;
    option.textContent = organization.name;
    select.appendChild(option);
  }
  const wanted = new URLSearchParams(location.search).get(param)
    || (organizations.length === 1 ? organizations[0].id : '');
  if (organizations.some(o => o.id === wanted)) select.value = wanted;
}
