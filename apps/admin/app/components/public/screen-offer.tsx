import { useLocale } from '@linju/ui';
import { Link } from 'react-router';
import { publicScreenOf, screenTranslate } from '../../lib/hosted-screens.ts';
import { publicSitePaths } from '../../lib/public-site-paths.ts';

/** A plugin's public screen as a page of the site offers it: its title, what it is for, and the way in. */
export function ScreenOffer(props: {
  offer: { pluginId: string; screenId: string; path: string };
  slug: string;
  /** The link's words, as the page says it (在线填写, 去预约). */
  open: string;
}) {
  const locale = useLocale();
  const hosted = publicScreenOf(props.offer.pluginId, props.offer.screenId);
  const screenOffer = hosted?.screen.offer;
  if (!hosted || !screenOffer) return null;
  const own = screenTranslate(hosted.messages, locale);
  const headingId = `offer-${props.offer.pluginId}-${props.offer.screenId}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{own(screenOffer.title)}</h2>
      <p>{own(screenOffer.intro)}</p>
      <p>
        <Link to={`${publicSitePaths.home(props.slug)}/${props.offer.path}`}>{props.open}</Link>
      </p>
    </section>
  );
}

/** A plugin's public screen as a tile among the home page's quick links: its title, the way in. */
export function ScreenOfferTile(props: {
  offer: { pluginId: string; screenId: string; path: string };
  slug: string;
}) {
  const locale = useLocale();
  const hosted = publicScreenOf(props.offer.pluginId, props.offer.screenId);
  const screenOffer = hosted?.screen.offer;
  if (!hosted || !screenOffer) return null;
  const own = screenTranslate(hosted.messages, locale);
  return (
    <Link className="public-tile" to={`${publicSitePaths.home(props.slug)}/${props.offer.path}`}>
      {own(screenOffer.title)}
    </Link>
  );
}
