// Any unknown path under a locale renders that locale's not-found page.
import { notFound } from 'next/navigation';

export default function CatchAll() {
  notFound();
}
