import { update } from '../store/update';
import type { Realm } from '../realms/types';

export interface Photo {
  id: string;
  title: string;
  owner: string;
  createdAt: number;
}

/** Uploaded photos are demo data: they live an hour and a caller keeps at most the latest 20. */
export const PHOTO_TTL_SECONDS = 3600;
export const MAX_PHOTOS_PER_SUB = 20;

const key = (realm: Realm, sub: string) => `rs-photos:${realm.id}:${sub}`;

/** The gallery every caller starts with, so `GET /photos` has something to show. */
function samplePhotos(owner: string): Photo[] {
  return [
    { id: 'sample-1', title: 'Sunrise over the bay', owner, createdAt: 0 },
    { id: 'sample-2', title: 'A cat on a keyboard', owner, createdAt: 0 },
    { id: 'sample-3', title: 'Mountain trail in autumn', owner, createdAt: 0 },
  ];
}

export async function listPhotos(realm: Realm, sub: string): Promise<Photo[]> {
  const uploaded = (await realm.store.get<Photo[]>(key(realm, sub))) ?? [];
  return [...samplePhotos(sub), ...uploaded];
}

export async function addPhoto(realm: Realm, sub: string, title: string): Promise<Photo> {
  const photo: Photo = { id: crypto.randomUUID(), title, owner: sub, createdAt: realm.clock.nowSeconds() };
  // Capped: an anonymous-ish demo must not let one caller grow server memory without bound.
  // update(): compare-and-set, so two concurrent uploads (maybe at two instances) both land.
  await update<Photo[]>(
    realm.store,
    key(realm, sub),
    (uploaded) => [...(uploaded ?? []), photo].slice(-MAX_PHOTOS_PER_SUB),
    PHOTO_TTL_SECONDS,
  );
  return photo;
}
