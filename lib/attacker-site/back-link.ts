/**
 * The way back from a page of Mallory's site: the attack page that sent the browser on its trip saved
 * its run key in this tab's sessionStorage (`flowlab:return-to`, same origin); only an `attacks/<slug>`
 * key becomes a link, to our own path. Nothing read from storage is followed as it is, and the default
 * is the lab's index. The element with id `back` is the link.
 */
export const BACK_SCRIPT =
  "try{var m=/^attacks\\/([a-z0-9-]+)$/.exec(sessionStorage.getItem('flowlab:return-to')||'');if(m){document.getElementById('back').href='/attacks/'+m[1];}}catch(e){}";
