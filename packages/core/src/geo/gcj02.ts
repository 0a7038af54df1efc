// GCJ-02 is the obfuscated datum China's map services (高德, 腾讯) publish coordinates in: WGS-84
// shifted by a few hundred metres by a published formula. Its inverse has no closed form; two
// fixed-point steps bring the error under a centimetre.

const A = 6_378_245.0;
const EE = 0.006_693_421_622_965_943;

const inChina = (lng: number, lat: number) =>
  lng >= 72.004 && lng <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;

function transformLat(x: number, y: number) {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}

function transformLng(x: number, y: number) {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

/** WGS-84 → GCJ-02, `[longitude, latitude]`; outside China the datums coincide. */
export function wgs84ToGcj02([lng, lat]: readonly [number, number]): [number, number] {
  if (!inChina(lng, lat)) return [lng, lat];
  const radLat = (lat / 180) * Math.PI;
  const magic = 1 - EE * Math.sin(radLat) ** 2;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (transformLat(lng - 105, lat - 35) * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLng = (transformLng(lng - 105, lat - 35) * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lng + dLng, lat + dLat];
}

/** GCJ-02 → WGS-84, `[longitude, latitude]`, by fixed-point iteration of the forward shift. */
export function gcj02ToWgs84(point: readonly [number, number]): [number, number] {
  let guess: [number, number] = [point[0], point[1]];
  for (let i = 0; i < 3; i++) {
    const shifted = wgs84ToGcj02(guess);
    guess = [guess[0] - (shifted[0] - point[0]), guess[1] - (shifted[1] - point[1])];
  }
  return guess;
}
