/**
 * The harmless cells a duress passphrase opens: a reading club and a neighbourhood newsletter, in
 * English, Russian and Ukrainian. Plain, dull, real-looking content the decoy user can keep
 * editing. Nothing here names Quire's security features or says "decoy" to the person who reads it.
 */
export type DecoyTemplateId = 'reading-club' | 'newsletter';
export type DecoyLanguage = 'en' | 'ru' | 'uk';
export const DECOY_TEMPLATE_IDS: readonly DecoyTemplateId[] = ['reading-club', 'newsletter'];
export const DECOY_LANGUAGES: readonly DecoyLanguage[] = ['en', 'ru', 'uk'];

export interface DecoyTemplate {
  readonly cellName: string;
  readonly pseudonym: string;
  readonly drafts: readonly { readonly title: string; readonly text: string }[];
  readonly tasks: readonly string[];
}

export const DECOY_TEMPLATES: Readonly<
  Record<DecoyTemplateId, Readonly<Record<DecoyLanguage, DecoyTemplate>>>
> = {
  'reading-club': {
    en: {
      cellName: 'Thursday reading club',
      pseudonym: 'Anna',
      drafts: [
        {
          title: 'Next book: shortlist',
          text: 'The Master and Margarita (long, but everyone wants it)\nA Month in the Country\nStoner\nVote by Sunday, please.',
        },
        {
          title: 'Notes from last meeting',
          text: 'Eight of us came. We finished the first half of Anna Karenina.\nTea and biscuits: Olga next time.\nThe library room is booked until June.',
        },
      ],
      tasks: [
        'Book the library room for May',
        'Bring spare copies',
        'Collect votes for the next book',
      ],
    },
    ru: {
      cellName: 'Книжный клуб по четвергам',
      pseudonym: 'Анна',
      drafts: [
        {
          title: 'Следующая книга: список',
          text: 'Мастер и Маргарита (длинная, но все хотят)\nДень опричника\nСтоунер\nГолосуем до воскресенья.',
        },
        {
          title: 'Заметки с прошлой встречи',
          text: 'Пришло восемь человек. Дочитали первую половину «Анны Карениной».\nЧай и печенье в следующий раз приносит Ольга.\nЗал в библиотеке забронирован до июня.',
        },
      ],
      tasks: [
        'Забронировать зал в библиотеке на май',
        'Принести запасные экземпляры',
        'Собрать голоса за следующую книгу',
      ],
    },
    uk: {
      cellName: 'Книжковий клуб по четвергах',
      pseudonym: 'Ганна',
      drafts: [
        {
          title: 'Наступна книжка: список',
          text: 'Майстер і Маргарита (довга, але всі хочуть)\nТигролови\nСтоунер\nГолосуємо до неділі.',
        },
        {
          title: 'Нотатки з минулої зустрічі',
          text: 'Прийшло восьмеро. Дочитали першу половину «Анни Кареніної».\nЧай і печиво наступного разу приносить Ольга.\nЗалу в бібліотеці заброньовано до червня.',
        },
      ],
      tasks: [
        'Забронювати залу в бібліотеці на травень',
        'Принести запасні примірники',
        'Зібрати голоси за наступну книжку',
      ],
    },
  },
  newsletter: {
    en: {
      cellName: 'Elm Street neighbourhood newsletter',
      pseudonym: 'Peter',
      drafts: [
        {
          title: 'Spring issue',
          text: 'Courtyard clean-up on Saturday at 10, gloves provided.\nThe bakery on the corner reopens after repairs.\nLost cat: grey, answers to Masha, call flat 12.',
        },
        {
          title: 'Ideas for the summer issue',
          text: 'Interview with the new caretaker\nBench repairs: who can help?\nRecipes from the allotments',
        },
      ],
      tasks: ['Print 60 copies', 'Ask the bakery for an advert', 'Photos of the courtyard'],
    },
    ru: {
      cellName: 'Листок соседей с улицы Вязов',
      pseudonym: 'Пётр',
      drafts: [
        {
          title: 'Весенний выпуск',
          text: 'Субботник во дворе в субботу в 10, перчатки выдадим.\nПекарня на углу снова открыта после ремонта.\nПотерялась кошка: серая, зовут Маша, звонить в кв. 12.',
        },
        {
          title: 'Идеи для летнего выпуска',
          text: 'Интервью с новым дворником\nРемонт скамеек: кто поможет?\nРецепты с дачных участков',
        },
      ],
      tasks: ['Напечатать 60 экземпляров', 'Попросить пекарню о рекламе', 'Фотографии двора'],
    },
    uk: {
      cellName: 'Листок сусідів з вулиці В’язів',
      pseudonym: 'Петро',
      drafts: [
        {
          title: 'Весняний випуск',
          text: 'Толока у дворі в суботу о 10, рукавички видамо.\nПекарня на розі знову відчинена після ремонту.\nЗагубилася кішка: сіра, звати Маша, телефонуйте до кв. 12.',
        },
        {
          title: 'Ідеї для літнього випуску',
          text: 'Інтерв’ю з новим двірником\nРемонт лавок: хто допоможе?\nРецепти з городів',
        },
      ],
      tasks: ['Надрукувати 60 примірників', 'Попросити пекарню про рекламу', 'Світлини двору'],
    },
  },
};
